CREATE TABLE "notes"."note_crdt_updates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"note_id" uuid NOT NULL,
	"update" "bytea" NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notes"."note_shares" (
	"note_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "note_shares_note_id_user_id_pk" PRIMARY KEY("note_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "notes"."notes" ADD COLUMN "crdt_state" "bytea";--> statement-breakpoint
ALTER TABLE "notes"."note_crdt_updates" ADD CONSTRAINT "note_crdt_updates_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "notes"."notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes"."note_shares" ADD CONSTRAINT "note_shares_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "notes"."notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "note_crdt_updates_note_idx" ON "notes"."note_crdt_updates" USING btree ("note_id","id");--> statement-breakpoint
CREATE INDEX "note_shares_user_idx" ON "notes"."note_shares" USING btree ("user_id","note_id");