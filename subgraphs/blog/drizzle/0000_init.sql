CREATE SCHEMA "blog";
--> statement-breakpoint
-- Added by hand (drizzle-kit does not model functions): array_to_string is STABLE in general, but
-- for text[] it is immutable, and a generated column may only call IMMUTABLE functions.
CREATE FUNCTION "blog"."tags_text"(tags text[]) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	AS $$ SELECT array_to_string(tags, ' ') $$;
--> statement-breakpoint
CREATE TABLE "blog"."comment_likes" (
	"comment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "comment_likes_comment_id_user_id_pk" PRIMARY KEY("comment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "blog"."comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"post_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"parent_id" uuid,
	"body_markdown" text NOT NULL,
	"body_html" text NOT NULL,
	"status" text NOT NULL,
	"like_count" integer NOT NULL,
	"moderated_by" uuid,
	"moderated_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"edited_at" timestamp (3) with time zone,
	"deleted_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "blog"."post_likes" (
	"post_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "post_likes_post_id_user_id_pk" PRIMARY KEY("post_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "blog"."post_revisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"post_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"body_markdown" text NOT NULL,
	"excerpt" text,
	"tags" text[] NOT NULL,
	"cover_image_url" text,
	"saved_by" uuid NOT NULL,
	"restored_from" integer,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blog"."post_slugs" (
	"slug" text PRIMARY KEY NOT NULL,
	"post_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blog"."posts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"author_id" uuid NOT NULL,
	"tenant_id" uuid,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"body_markdown" text NOT NULL,
	"body_html" text NOT NULL,
	"excerpt" text NOT NULL,
	"custom_excerpt" text,
	"tags" text[] NOT NULL,
	"cover_image_url" text,
	"reading_minutes" integer NOT NULL,
	"status" text NOT NULL,
	"publish_at" timestamp (3) with time zone,
	"published_at" timestamp (3) with time zone,
	"revision" integer NOT NULL,
	"like_count" integer NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"search_document" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', blog.tags_text(tags) || ' ' || excerpt), 'B') || setweight(to_tsvector('english', body_markdown), 'C')) STORED NOT NULL
);
--> statement-breakpoint
CREATE INDEX "comment_likes_user_idx" ON "blog"."comment_likes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "comments_post_idx" ON "blog"."comments" USING btree ("post_id","parent_id","created_at","id");--> statement-breakpoint
CREATE INDEX "comments_author_created_idx" ON "blog"."comments" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_pending_idx" ON "blog"."comments" USING btree ("created_at","id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "post_likes_user_idx" ON "blog"."post_likes" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "post_revisions_post_number_idx" ON "blog"."post_revisions" USING btree ("post_id","number");--> statement-breakpoint
CREATE INDEX "post_slugs_post_idx" ON "blog"."post_slugs" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "posts_published_idx" ON "blog"."posts" USING btree ("status","published_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "posts_author_idx" ON "blog"."posts" USING btree ("author_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "posts_due_idx" ON "blog"."posts" USING btree ("publish_at") WHERE status = 'scheduled';--> statement-breakpoint
CREATE INDEX "posts_search_idx" ON "blog"."posts" USING gin ("search_document");--> statement-breakpoint
CREATE INDEX "posts_tags_idx" ON "blog"."posts" USING gin ("tags");