CREATE SCHEMA "chain";
--> statement-breakpoint
CREATE TABLE "chain"."address_transactions" (
	"chain_id" integer NOT NULL,
	"address" text NOT NULL,
	"transaction_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "address_transactions_chain_id_address_transaction_id_pk" PRIMARY KEY("chain_id","address","transaction_id")
);
--> statement-breakpoint
CREATE TABLE "chain"."contracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"chain_id" integer NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"abi" jsonb NOT NULL,
	"deployment_tx_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain"."linked_addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"address" text NOT NULL,
	"chain_id" integer NOT NULL,
	"linked_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain"."log_cursors" (
	"chain_id" integer PRIMARY KEY NOT NULL,
	"last_block" bigint NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain"."networks" (
	"chain_id" integer PRIMARY KEY NOT NULL,
	"genesis_hash" text NOT NULL,
	"seen_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain"."nonces" (
	"chain_id" integer NOT NULL,
	"address" text NOT NULL,
	"next_nonce" bigint NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "nonces_chain_id_address_pk" PRIMARY KEY("chain_id","address")
);
--> statement-breakpoint
CREATE TABLE "chain"."siwe_challenges" (
	"nonce" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"address" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain"."transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"chain_id" integer NOT NULL,
	"owner_id" uuid,
	"wallet_id" uuid,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"hash" text NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text,
	"value" numeric(78, 0) NOT NULL,
	"nonce" bigint NOT NULL,
	"gas_limit" numeric(78, 0) NOT NULL,
	"max_fee_per_gas" numeric(78, 0) NOT NULL,
	"max_priority_fee_per_gas" numeric(78, 0) NOT NULL,
	"raw" text NOT NULL,
	"block_number" bigint,
	"block_hash" text,
	"confirmations" integer NOT NULL,
	"gas_used" numeric(78, 0),
	"effective_gas_price" numeric(78, 0),
	"token_address" text,
	"token_amount" numeric(78, 0),
	"contract_id" uuid,
	"revert_reason" text,
	"replaced_by_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain"."wallets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"address" text NOT NULL,
	"derivation_path" text,
	"sealed_seed" text,
	"key_id" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "address_transactions_page_idx" ON "chain"."address_transactions" USING btree ("chain_id","address","created_at" DESC NULLS LAST,"transaction_id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_owner_address_idx" ON "chain"."contracts" USING btree ("owner_id","chain_id","address");--> statement-breakpoint
CREATE INDEX "contracts_owner_created_idx" ON "chain"."contracts" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contracts_address_idx" ON "chain"."contracts" USING btree ("chain_id","address");--> statement-breakpoint
CREATE UNIQUE INDEX "linked_addresses_address_idx" ON "chain"."linked_addresses" USING btree ("address");--> statement-breakpoint
CREATE INDEX "linked_addresses_user_idx" ON "chain"."linked_addresses" USING btree ("user_id","linked_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "transactions_hash_idx" ON "chain"."transactions" USING btree ("chain_id","hash");--> statement-breakpoint
CREATE INDEX "transactions_sender_nonce_idx" ON "chain"."transactions" USING btree ("chain_id","from_address","nonce");--> statement-breakpoint
CREATE INDEX "transactions_open_idx" ON "chain"."transactions" USING btree ("chain_id","status");--> statement-breakpoint
CREATE INDEX "wallets_owner_created_idx" ON "chain"."wallets" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "wallets_owner_address_idx" ON "chain"."wallets" USING btree ("owner_id","address");--> statement-breakpoint
CREATE INDEX "wallets_key_id_idx" ON "chain"."wallets" USING btree ("key_id");