CREATE SCHEMA "banking";
--> statement-breakpoint
CREATE TABLE "banking"."audit_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "banking"."bank_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid,
	"kind" text NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"name" text NOT NULL,
	"overdraft_limit" bigint NOT NULL,
	"balance" bigint NOT NULL,
	"held" bigint NOT NULL,
	"posting_count" bigint NOT NULL,
	"number_hash" text NOT NULL,
	"number_sealed" text NOT NULL,
	"holder_sealed" text,
	"key_id" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"closed_at" timestamp (3) with time zone,
	CONSTRAINT "bank_accounts_overdraft_nonnegative" CHECK ("banking"."bank_accounts"."overdraft_limit" >= 0),
	CONSTRAINT "bank_accounts_held_nonnegative" CHECK ("banking"."bank_accounts"."held" >= 0),
	CONSTRAINT "bank_accounts_within_limit" CHECK ("banking"."bank_accounts"."kind" in ('FUNDING', 'FX') or "banking"."bank_accounts"."balance" - "banking"."bank_accounts"."held" >= -"banking"."bank_accounts"."overdraft_limit")
);
--> statement-breakpoint
CREATE TABLE "banking"."payees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name_sealed" text NOT NULL,
	"number_sealed" text NOT NULL,
	"number_hash" text NOT NULL,
	"key_id" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "banking"."postings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"transfer_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"balance_after" bigint NOT NULL,
	"counterparty_account_id" uuid NOT NULL,
	"posted_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "postings_amount_nonzero" CHECK ("banking"."postings"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "banking"."transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"initiator_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"from_account_id" uuid NOT NULL,
	"to_account_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"to_amount" bigint NOT NULL,
	"to_currency" text NOT NULL,
	"fx_rate" text,
	"fx_rate_source" text,
	"reference" text NOT NULL,
	"void_reason" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"posted_at" timestamp (3) with time zone,
	"voided_at" timestamp (3) with time zone,
	CONSTRAINT "transfers_amount_positive" CHECK ("banking"."transfers"."amount" > 0 and "banking"."transfers"."to_amount" > 0),
	CONSTRAINT "transfers_distinct_accounts" CHECK ("banking"."transfers"."from_account_id" <> "banking"."transfers"."to_account_id")
);
--> statement-breakpoint
ALTER TABLE "banking"."postings" ADD CONSTRAINT "postings_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "banking"."transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "banking"."postings" ADD CONSTRAINT "postings_account_id_bank_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "banking"."bank_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "banking"."audit_log" USING btree ("entity_id","at");--> statement-breakpoint
CREATE INDEX "bank_accounts_owner_created_idx" ON "banking"."bank_accounts" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "bank_accounts_number_hash_idx" ON "banking"."bank_accounts" USING btree ("number_hash");--> statement-breakpoint
CREATE INDEX "bank_accounts_key_id_idx" ON "banking"."bank_accounts" USING btree ("key_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payees_owner_number_idx" ON "banking"."payees" USING btree ("owner_id","number_hash");--> statement-breakpoint
CREATE INDEX "payees_key_id_idx" ON "banking"."payees" USING btree ("key_id");--> statement-breakpoint
CREATE UNIQUE INDEX "postings_account_seq_idx" ON "banking"."postings" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "postings_account_posted_idx" ON "banking"."postings" USING btree ("account_id","posted_at");--> statement-breakpoint
CREATE INDEX "postings_transfer_idx" ON "banking"."postings" USING btree ("transfer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_idempotency_idx" ON "banking"."transfers" USING btree ("initiator_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "transfers_pending_expiry_idx" ON "banking"."transfers" USING btree ("expires_at") WHERE "banking"."transfers"."status" = 'PENDING';