CREATE TABLE "expenses"."rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"field" text NOT NULL,
	"match" text NOT NULL,
	"pattern" text NOT NULL,
	"category_id" uuid,
	"tags" text[] NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expenses"."rules" ADD CONSTRAINT "rules_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "expenses"."categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rules_owner_position_idx" ON "expenses"."rules" USING btree ("owner_id","position");