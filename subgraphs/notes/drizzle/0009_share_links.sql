CREATE TABLE "notes"."note_share_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"note_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "notes"."note_share_links" ADD CONSTRAINT "note_share_links_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "notes"."notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "note_share_links_token_idx" ON "notes"."note_share_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "note_share_links_note_idx" ON "notes"."note_share_links" USING btree ("note_id","created_at");