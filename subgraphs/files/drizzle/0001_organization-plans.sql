CREATE TABLE "files"."organization_plans" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"plan" text NOT NULL,
	"storage_bytes" bigint,
	"changed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "files"."files" ADD COLUMN "usage_account_id" uuid;