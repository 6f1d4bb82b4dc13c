CREATE SCHEMA "weather";
--> statement-breakpoint
CREATE TABLE "weather"."saved_locations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "saved_locations_owner_created_idx" ON "weather"."saved_locations" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);