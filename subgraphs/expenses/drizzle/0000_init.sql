CREATE SCHEMA "expenses";
--> statement-breakpoint
CREATE TABLE "expenses"."expense_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "expense_accounts_owner_created_idx" ON "expenses"."expense_accounts" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);