-- Row-level security: PostgreSQL itself keeps todos inside their owner or their organisation.
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
GRANT USAGE ON SCHEMA "todos" TO mosaic_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "todos" TO mosaic_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "todos" TO mosaic_app;
--> statement-breakpoint
-- The event tables (outbox, inbox) are created after the migrations: they get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA "todos" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mosaic_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "todos" GRANT USAGE, SELECT ON SEQUENCES TO mosaic_app;
--> statement-breakpoint
ALTER TABLE "todos"."todos" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "todos"."todos" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Reading: your personal todos (any user's, for platform admins: support), and every todo of the
-- organisation the token is switched to.
CREATE POLICY todos_read ON "todos"."todos" FOR SELECT USING (
  (tenant_id IS NULL AND (owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid OR current_setting('mosaic.admin', true) = 'on'))
  OR tenant_id = NULLIF(current_setting('mosaic.tenant_id', true), '')::uuid
);
--> statement-breakpoint
-- Writing: your personal todos, and the active organisation's; a row can only be written into
-- your own personal list or into the active organisation (never another tenant's).
CREATE POLICY todos_write ON "todos"."todos" FOR ALL USING (
  (tenant_id IS NULL AND owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid)
  OR tenant_id = NULLIF(current_setting('mosaic.tenant_id', true), '')::uuid
) WITH CHECK (
  (tenant_id IS NULL AND owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid)
  OR tenant_id = NULLIF(current_setting('mosaic.tenant_id', true), '')::uuid
);
--> statement-breakpoint
ALTER TABLE "todos"."todo_completions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "todos"."todo_completions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A completion is visible and writable exactly when its todo is (the subquery runs under todos' policies).
CREATE POLICY todo_completions_of_visible_todos ON "todos"."todo_completions" FOR ALL
  USING (EXISTS (SELECT 1 FROM "todos"."todos" t WHERE t.id = todo_id))
  WITH CHECK (EXISTS (SELECT 1 FROM "todos"."todos" t WHERE t.id = todo_id));
