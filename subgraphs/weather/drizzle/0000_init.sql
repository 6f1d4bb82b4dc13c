CREATE SCHEMA "weather";
--> statement-breakpoint
CREATE TABLE "weather"."saved_locations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"place_name" text,
	"country_code" text,
	"region" text,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"grid_key" text NOT NULL,
	"time_zone" text,
	"wind_gusts_threshold" real,
	"heat_threshold" real,
	"frost_threshold" real,
	"heavy_rain_threshold" real,
	"thunderstorms" boolean NOT NULL,
	"warnings_digest" text NOT NULL,
	"warnings_evaluated_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "saved_locations_owner_created_idx" ON "weather"."saved_locations" USING btree ("owner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "saved_locations_grid_idx" ON "weather"."saved_locations" USING btree ("grid_key");