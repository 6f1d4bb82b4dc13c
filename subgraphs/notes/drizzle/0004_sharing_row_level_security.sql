-- Sharing under row-level security: a note shared with a user (notes.note_shares) is readable by
-- them in any context, and its body changeable by them when they are an editor. note_shares
-- carries no RLS of its own: these policies read it, and a policy there that read notes would recurse.
CREATE POLICY notes_read_shared ON "notes"."notes" FOR SELECT USING (
  EXISTS (SELECT 1 FROM "notes"."note_shares" s WHERE s.note_id = "notes"."id" AND s.user_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid)
);
--> statement-breakpoint
CREATE POLICY notes_edit_shared ON "notes"."notes" FOR UPDATE USING (
  EXISTS (SELECT 1 FROM "notes"."note_shares" s WHERE s.note_id = "notes"."id" AND s.role = 'editor' AND s.user_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid)
) WITH CHECK (
  EXISTS (SELECT 1 FROM "notes"."note_shares" s WHERE s.note_id = "notes"."id" AND s.role = 'editor' AND s.user_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid)
);
--> statement-breakpoint
-- A note's co-editing updates are seen and written exactly when the note itself is seen.
ALTER TABLE "notes"."note_crdt_updates" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "notes"."note_crdt_updates" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY note_crdt_updates_of_visible_notes ON "notes"."note_crdt_updates" FOR ALL
  USING (EXISTS (SELECT 1 FROM "notes"."notes" n WHERE n.id = note_id))
  WITH CHECK (EXISTS (SELECT 1 FROM "notes"."notes" n WHERE n.id = note_id));
