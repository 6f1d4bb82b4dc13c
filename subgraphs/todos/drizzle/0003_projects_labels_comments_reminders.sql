CREATE TABLE "todos"."comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"todo_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "comments_body_length" CHECK (char_length("todos"."comments"."body") between 1 and 5000)
);
--> statement-breakpoint
CREATE TABLE "todos"."labels" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"color" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "labels_name_format" CHECK ("todos"."labels"."name" ~ '^[^[:space:]#]{1,60}$'),
	CONSTRAINT "labels_color_hex" CHECK ("todos"."labels"."color" ~ '^#[0-9a-f]{6}$')
);
--> statement-breakpoint
CREATE TABLE "todos"."project_members" (
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"added_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "project_members_project_id_user_id_pk" PRIMARY KEY("project_id","user_id"),
	CONSTRAINT "project_members_role" CHECK ("todos"."project_members"."role" in ('OWNER', 'ADMIN', 'EDITOR', 'VIEWER'))
);
--> statement-breakpoint
CREATE TABLE "todos"."projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"color" text NOT NULL,
	"inbox" boolean NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "projects_name_length" CHECK (char_length("todos"."projects"."name") between 1 and 120),
	CONSTRAINT "projects_color_hex" CHECK ("todos"."projects"."color" ~ '^#[0-9a-f]{6}$')
);
--> statement-breakpoint
CREATE TABLE "todos"."reminders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"todo_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"remind_at" timestamp (3) with time zone,
	"offset_minutes" integer,
	"fire_at" timestamp (3) with time zone,
	"fired_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "reminders_one_kind" CHECK (("todos"."reminders"."remind_at" is null) <> ("todos"."reminders"."offset_minutes" is null)),
	CONSTRAINT "reminders_offset_range" CHECK ("todos"."reminders"."offset_minutes" between 0 and 40320)
);
--> statement-breakpoint
CREATE TABLE "todos"."saved_filters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "saved_filters_name_length" CHECK (char_length("todos"."saved_filters"."name") between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "todos"."sections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" bigint NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "sections_name_length" CHECK (char_length("todos"."sections"."name") between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "todos"."todo_labels" (
	"todo_id" uuid NOT NULL,
	"label_id" uuid NOT NULL,
	CONSTRAINT "todo_labels_todo_id_label_id_pk" PRIMARY KEY("todo_id","label_id")
);
--> statement-breakpoint
ALTER TABLE "todos"."todos" ADD COLUMN "project_id" uuid;--> statement-breakpoint
ALTER TABLE "todos"."todos" ADD COLUMN "section_id" uuid;--> statement-breakpoint
ALTER TABLE "todos"."todos" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "todos"."comments" ADD CONSTRAINT "comments_todo_id_todos_id_fk" FOREIGN KEY ("todo_id") REFERENCES "todos"."todos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "todos"."project_members" ADD CONSTRAINT "project_members_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "todos"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "todos"."reminders" ADD CONSTRAINT "reminders_todo_id_todos_id_fk" FOREIGN KEY ("todo_id") REFERENCES "todos"."todos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "todos"."sections" ADD CONSTRAINT "sections_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "todos"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "todos"."todo_labels" ADD CONSTRAINT "todo_labels_todo_id_todos_id_fk" FOREIGN KEY ("todo_id") REFERENCES "todos"."todos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "todos"."todo_labels" ADD CONSTRAINT "todo_labels_label_id_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "todos"."labels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comments_todo_idx" ON "todos"."comments" USING btree ("todo_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "labels_owner_name_key" ON "todos"."labels" USING btree ("owner_id",lower("name"));--> statement-breakpoint
CREATE INDEX "project_members_user_idx" ON "todos"."project_members" USING btree ("user_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_members_one_owner" ON "todos"."project_members" USING btree ("project_id") WHERE role = 'OWNER';--> statement-breakpoint
CREATE INDEX "projects_owner_idx" ON "todos"."projects" USING btree ("owner_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_one_inbox_per_owner" ON "todos"."projects" USING btree ("owner_id") WHERE inbox;--> statement-breakpoint
CREATE INDEX "reminders_due_idx" ON "todos"."reminders" USING btree ("fire_at") WHERE fire_at is not null;--> statement-breakpoint
CREATE INDEX "reminders_todo_idx" ON "todos"."reminders" USING btree ("todo_id");--> statement-breakpoint
CREATE INDEX "saved_filters_owner_idx" ON "todos"."saved_filters" USING btree ("owner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sections_project_idx" ON "todos"."sections" USING btree ("project_id","position","id");--> statement-breakpoint
CREATE INDEX "todo_labels_label_idx" ON "todos"."todo_labels" USING btree ("label_id","todo_id");--> statement-breakpoint
ALTER TABLE "todos"."todos" ADD CONSTRAINT "todos_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "todos"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "todos"."todos" ADD CONSTRAINT "todos_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "todos"."sections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "todos"."todos" ADD CONSTRAINT "todos_parent_id_todos_id_fk" FOREIGN KEY ("parent_id") REFERENCES "todos"."todos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "todos_project_position_idx" ON "todos"."todos" USING btree ("project_id","position","id");--> statement-breakpoint
CREATE INDEX "todos_parent_idx" ON "todos"."todos" USING btree ("parent_id");--> statement-breakpoint
ALTER TABLE "todos"."todos" ADD CONSTRAINT "todos_not_own_parent" CHECK ("todos"."todos"."parent_id" is null or "todos"."todos"."parent_id" <> "todos"."todos"."id");