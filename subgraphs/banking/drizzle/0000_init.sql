CREATE SCHEMA "banking";
--> statement-breakpoint
CREATE TABLE "banking"."bank_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "bank_accounts_owner_created_idx" ON "banking"."bank_accounts" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);