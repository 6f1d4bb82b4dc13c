CREATE SCHEMA "tenancy";
--> statement-breakpoint
CREATE TABLE "tenancy"."organizations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "organizations_owner_created_idx" ON "tenancy"."organizations" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);