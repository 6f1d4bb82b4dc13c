-- Row-level security: PostgreSQL itself keeps notes with their author or their organisation.
-- Requests run as the non-owner role mosaic_app (kit's withTenant), which sets per transaction
-- mosaic.user_id, mosaic.tenant_id and mosaic.admin from the verified token. Unset = no rows.
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mosaic_app') THEN
    BEGIN
      CREATE ROLE mosaic_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "notes" TO mosaic_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "notes" TO mosaic_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "notes" TO mosaic_app;
--> statement-breakpoint
-- The event tables (outbox, inbox) are created after the migrations: they get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA "notes" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mosaic_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "notes" GRANT USAGE, SELECT ON SEQUENCES TO mosaic_app;
--> statement-breakpoint
ALTER TABLE "notes"."notes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "notes"."notes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Reading: your personal notes (any user's, for platform admins: support), and the notes shared in
-- the organisation the token is switched to.
CREATE POLICY notes_read ON "notes"."notes" FOR SELECT USING (
  (tenant_id IS NULL AND (owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid OR current_setting('mosaic.admin', true) = 'on'))
  OR tenant_id = NULLIF(current_setting('mosaic.tenant_id', true), '')::uuid
);
--> statement-breakpoint
-- Writing: only the author, and only personally or in the active organisation.
CREATE POLICY notes_write ON "notes"."notes" FOR ALL USING (
  owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid
  AND (tenant_id IS NULL OR tenant_id = NULLIF(current_setting('mosaic.tenant_id', true), '')::uuid)
) WITH CHECK (
  owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid
  AND (tenant_id IS NULL OR tenant_id = NULLIF(current_setting('mosaic.tenant_id', true), '')::uuid)
);
