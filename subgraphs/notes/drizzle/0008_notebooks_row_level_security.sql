-- Notebooks are their owner's alone.
ALTER TABLE "notes"."notebooks" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "notes"."notebooks" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notebooks_owner ON "notes"."notebooks" FOR ALL
  USING (owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid)
  WITH CHECK (owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid);
