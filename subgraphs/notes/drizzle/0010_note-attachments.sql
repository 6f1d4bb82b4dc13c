CREATE TABLE "notes"."file_owners" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"uploaded_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notes"."note_attachments" (
	"note_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"attached_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "note_attachments_note_id_file_id_pk" PRIMARY KEY("note_id","file_id")
);
--> statement-breakpoint
ALTER TABLE "notes"."note_attachments" ADD CONSTRAINT "note_attachments_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "notes"."notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes"."note_attachments" ADD CONSTRAINT "note_attachments_file_id_file_owners_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "notes"."file_owners"("file_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "note_attachments_file_idx" ON "notes"."note_attachments" USING btree ("file_id");