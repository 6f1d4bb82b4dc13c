CREATE TABLE "notes"."notebooks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notes"."notes" ADD COLUMN "notebook_id" uuid;--> statement-breakpoint
ALTER TABLE "notes"."notebooks" ADD CONSTRAINT "notebooks_parent_id_notebooks_id_fk" FOREIGN KEY ("parent_id") REFERENCES "notes"."notebooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notebooks_owner_parent_idx" ON "notes"."notebooks" USING btree ("owner_id","parent_id","id");--> statement-breakpoint
ALTER TABLE "notes"."notes" ADD CONSTRAINT "notes_notebook_id_notebooks_id_fk" FOREIGN KEY ("notebook_id") REFERENCES "notes"."notebooks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notes_owner_notebook_idx" ON "notes"."notes" USING btree ("owner_id","notebook_id");