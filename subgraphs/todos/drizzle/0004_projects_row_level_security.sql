-- Projects, sharing, labels and comments under row-level security (see 0002 for the settings).
-- Existing todos move into their owner's Inbox first; RLS is lifted for the owner only while this
-- migration runs (a superuser bypasses it anyway).
ALTER TABLE "todos"."todos" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
INSERT INTO "todos"."projects" (id, owner_id, name, color, inbox, created_at, updated_at)
  SELECT gen_random_uuid(), owner_id, 'Inbox', '#808080', true, now(), now() FROM (SELECT DISTINCT owner_id FROM "todos"."todos") owners;
--> statement-breakpoint
INSERT INTO "todos"."project_members" (project_id, user_id, role, added_at)
  SELECT id, owner_id, 'OWNER', now() FROM "todos"."projects" WHERE inbox;
--> statement-breakpoint
UPDATE "todos"."todos" t SET project_id = p.id FROM "todos"."projects" p WHERE p.owner_id = t.owner_id AND p.inbox AND t.project_id IS NULL;
--> statement-breakpoint
ALTER TABLE "todos"."todos" ALTER COLUMN "project_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "todos"."todos" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "todos" TO mosaic_app;
--> statement-breakpoint
-- Sharing a project: its members read its personal todos (organisation todos stay with their
-- organisation), and OWNER/ADMIN/EDITOR members write them. Permissive policies add to 0002's.
CREATE POLICY todos_project_read ON "todos"."todos" FOR SELECT USING (
  tenant_id IS NULL AND EXISTS (
    SELECT 1 FROM "todos"."project_members" m
    WHERE m.project_id = "todos"."todos".project_id AND m.user_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid
  )
);
--> statement-breakpoint
CREATE POLICY todos_project_write ON "todos"."todos" FOR ALL USING (
  tenant_id IS NULL AND EXISTS (
    SELECT 1 FROM "todos"."project_members" m
    WHERE m.project_id = "todos"."todos".project_id AND m.user_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid AND m.role <> 'VIEWER'
  )
) WITH CHECK (
  tenant_id IS NULL AND EXISTS (
    SELECT 1 FROM "todos"."project_members" m
    WHERE m.project_id = "todos"."todos".project_id AND m.user_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid AND m.role <> 'VIEWER'
  )
);
--> statement-breakpoint
ALTER TABLE "todos"."projects" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "todos"."projects" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A project is seen by its members (the owner is one) and created only as your own. Changes are
-- further limited by role in the domain. project_members itself has no RLS: the policies read it.
CREATE POLICY projects_members_read ON "todos"."projects" FOR SELECT USING (
  owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid
  OR EXISTS (SELECT 1 FROM "todos"."project_members" m WHERE m.project_id = id AND m.user_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid)
);
--> statement-breakpoint
CREATE POLICY projects_members_write ON "todos"."projects" FOR ALL USING (
  owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid
  OR EXISTS (SELECT 1 FROM "todos"."project_members" m WHERE m.project_id = id AND m.user_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid AND m.role IN ('OWNER', 'ADMIN'))
) WITH CHECK (
  owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid
  OR EXISTS (SELECT 1 FROM "todos"."project_members" m WHERE m.project_id = id AND m.user_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid AND m.role IN ('OWNER', 'ADMIN'))
);
--> statement-breakpoint
ALTER TABLE "todos"."sections" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "todos"."sections" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sections_of_visible_projects ON "todos"."sections" FOR ALL
  USING (EXISTS (SELECT 1 FROM "todos"."projects" p WHERE p.id = project_id))
  WITH CHECK (EXISTS (SELECT 1 FROM "todos"."projects" p WHERE p.id = project_id));
--> statement-breakpoint
ALTER TABLE "todos"."labels" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "todos"."labels" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Labels are personal, but a label on a todo you can see is readable (its name and colour show on the todo).
CREATE POLICY labels_read ON "todos"."labels" FOR SELECT USING (
  owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid
  OR EXISTS (SELECT 1 FROM "todos"."todo_labels" tl JOIN "todos"."todos" t ON t.id = tl.todo_id WHERE tl.label_id = id)
);
--> statement-breakpoint
CREATE POLICY labels_write ON "todos"."labels" FOR ALL
  USING (owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid)
  WITH CHECK (owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "todos"."todo_labels" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "todos"."todo_labels" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY todo_labels_of_visible_todos ON "todos"."todo_labels" FOR ALL
  USING (EXISTS (SELECT 1 FROM "todos"."todos" t WHERE t.id = todo_id))
  WITH CHECK (EXISTS (SELECT 1 FROM "todos"."todos" t WHERE t.id = todo_id));
--> statement-breakpoint
ALTER TABLE "todos"."comments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "todos"."comments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY comments_of_visible_todos ON "todos"."comments" FOR ALL
  USING (EXISTS (SELECT 1 FROM "todos"."todos" t WHERE t.id = todo_id))
  WITH CHECK (EXISTS (SELECT 1 FROM "todos"."todos" t WHERE t.id = todo_id) AND author_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "todos"."saved_filters" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "todos"."saved_filters" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY saved_filters_own ON "todos"."saved_filters" FOR ALL
  USING (owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid)
  WITH CHECK (owner_id = NULLIF(current_setting('mosaic.user_id', true), '')::uuid);
