CREATE SCHEMA "notes";
--> statement-breakpoint
-- Added by hand (drizzle-kit does not model functions): array_to_string is STABLE in general, but
-- for text[] it is immutable, and a generated column may only call IMMUTABLE functions.
CREATE FUNCTION "notes"."tags_text"(tags text[]) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	AS $$ SELECT array_to_string(tags, ' ') $$;
--> statement-breakpoint
CREATE TABLE "notes"."notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] NOT NULL,
	"pinned" boolean NOT NULL,
	"archived_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"search_document" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', notes.tags_text(tags)), 'B') || setweight(to_tsvector('english', body), 'C')) STORED NOT NULL
);
--> statement-breakpoint
CREATE INDEX "notes_owner_pinned_updated_idx" ON "notes"."notes" USING btree ("owner_id","pinned","updated_at","id");--> statement-breakpoint
CREATE INDEX "notes_owner_created_idx" ON "notes"."notes" USING btree ("owner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notes_owner_title_idx" ON "notes"."notes" USING btree ("owner_id",lower("title"),"id");--> statement-breakpoint
CREATE INDEX "notes_search_idx" ON "notes"."notes" USING gin ("search_document");--> statement-breakpoint
CREATE INDEX "notes_tags_idx" ON "notes"."notes" USING gin ("tags");