-- A note's revisions are seen and written exactly when the note itself is seen.
ALTER TABLE "notes"."note_revisions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "notes"."note_revisions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY note_revisions_of_visible_notes ON "notes"."note_revisions" FOR ALL
  USING (EXISTS (SELECT 1 FROM "notes"."notes" n WHERE n.id = note_id))
  WITH CHECK (EXISTS (SELECT 1 FROM "notes"."notes" n WHERE n.id = note_id));
