CREATE SCHEMA "links";
--> statement-breakpoint
CREATE TABLE "links"."links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid,
	"code" text NOT NULL,
	"code_key" text NOT NULL,
	"target_url" text NOT NULL,
	"title" text,
	"tags" text[] NOT NULL,
	"redirect_status" smallint NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"max_visits" integer,
	"visit_count" integer NOT NULL,
	"password_hash" text,
	"disabled_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "links_redirect_status_check" CHECK ("links"."links"."redirect_status" in (301, 302)),
	CONSTRAINT "links_visit_count_check" CHECK ("links"."links"."visit_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "links"."orphan_visits" (
	"visited_at" timestamp (3) with time zone NOT NULL,
	"visits" integer NOT NULL,
	"referrer_host" text,
	"browser" text,
	"os" text,
	"device" text,
	"bot" boolean NOT NULL,
	"network" text,
	"country" text,
	"visitor_key" text NOT NULL,
	"path" text NOT NULL,
	CONSTRAINT "orphan_visits_visits_check" CHECK ("links"."orphan_visits"."visits" >= 1)
);
--> statement-breakpoint
CREATE TABLE "links"."visits" (
	"visited_at" timestamp (3) with time zone NOT NULL,
	"visits" integer NOT NULL,
	"referrer_host" text,
	"browser" text,
	"os" text,
	"device" text,
	"bot" boolean NOT NULL,
	"network" text,
	"country" text,
	"visitor_key" text NOT NULL,
	"link_id" uuid NOT NULL,
	CONSTRAINT "visits_visits_check" CHECK ("links"."visits"."visits" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "links_code_key_idx" ON "links"."links" USING btree ("code_key");--> statement-breakpoint
CREATE INDEX "links_owner_created_idx" ON "links"."links" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "links_tags_idx" ON "links"."links" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "orphan_visits_visited_idx" ON "links"."orphan_visits" USING btree ("visited_at");--> statement-breakpoint
CREATE INDEX "visits_link_visited_idx" ON "links"."visits" USING btree ("link_id","visited_at");