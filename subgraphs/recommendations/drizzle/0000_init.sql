CREATE SCHEMA "recommendations";
--> statement-breakpoint
CREATE TABLE "recommendations"."interactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"item_kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"rating" smallint,
	"source" text NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendations"."items" (
	"kind" text NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"category" text,
	"tags" text[] NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "items_kind_id_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint
CREATE TABLE "recommendations"."models" (
	"version" integer PRIMARY KEY NOT NULL,
	"trained_at" timestamp (3) with time zone NOT NULL,
	"stats" jsonb NOT NULL,
	"body" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendations"."training_lease" (
	"id" smallint PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"until" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "interactions_user_occurred_idx" ON "recommendations"."interactions" USING btree ("user_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "interactions_occurred_idx" ON "recommendations"."interactions" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "items_kind_created_idx" ON "recommendations"."items" USING btree ("kind","created_at" DESC NULLS LAST);