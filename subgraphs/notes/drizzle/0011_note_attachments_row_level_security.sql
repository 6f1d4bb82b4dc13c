-- A note's attachments are seen and written exactly when the note itself is seen. file_owners
-- (the projection of files' events) carries no RLS: it holds no note content, only who owns a file.
ALTER TABLE "notes"."note_attachments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "notes"."note_attachments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY note_attachments_of_visible_notes ON "notes"."note_attachments" FOR ALL
  USING (EXISTS (SELECT 1 FROM "notes"."notes" n WHERE n.id = note_id))
  WITH CHECK (EXISTS (SELECT 1 FROM "notes"."notes" n WHERE n.id = note_id));
