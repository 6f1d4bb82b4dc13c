CREATE SCHEMA "todos";
--> statement-breakpoint
CREATE TABLE "todos"."todo_completions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"todo_id" uuid NOT NULL,
	"due_at" timestamp (3) with time zone,
	"completed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "todos"."todos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"done" boolean NOT NULL,
	"completed_at" timestamp (3) with time zone,
	"due_at" timestamp (3) with time zone,
	"priority" smallint NOT NULL,
	"position" bigint NOT NULL,
	"recurrence" text,
	"recurrence_anchor" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "todos_title_length" CHECK (char_length("todos"."todos"."title") between 1 and 500),
	CONSTRAINT "todos_description_length" CHECK (char_length("todos"."todos"."description") <= 10000),
	CONSTRAINT "todos_priority_range" CHECK ("todos"."todos"."priority" between 0 and 4),
	CONSTRAINT "todos_completed_iff_done" CHECK ("todos"."todos"."done" = ("todos"."todos"."completed_at" is not null)),
	CONSTRAINT "todos_recurrence_is_anchored" CHECK (("todos"."todos"."recurrence" is null) = ("todos"."todos"."recurrence_anchor" is null)),
	CONSTRAINT "todos_recurrence_needs_due_at" CHECK ("todos"."todos"."recurrence" is null or "todos"."todos"."due_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "todos"."todo_completions" ADD CONSTRAINT "todo_completions_todo_id_todos_id_fk" FOREIGN KEY ("todo_id") REFERENCES "todos"."todos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "todo_completions_todo_idx" ON "todos"."todo_completions" USING btree ("todo_id","completed_at","id");--> statement-breakpoint
CREATE INDEX "todos_owner_position_idx" ON "todos"."todos" USING btree ("owner_id","position","id");--> statement-breakpoint
CREATE INDEX "todos_owner_due_at_idx" ON "todos"."todos" USING btree ("owner_id","due_at","id");--> statement-breakpoint
CREATE INDEX "todos_owner_created_at_idx" ON "todos"."todos" USING btree ("owner_id","created_at","id");