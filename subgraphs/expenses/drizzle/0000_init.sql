CREATE SCHEMA "expenses";
--> statement-breakpoint
CREATE TABLE "expenses"."budget_alerts" (
	"budget_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"threshold" integer NOT NULL,
	"owner_id" uuid NOT NULL,
	"spent" bigint NOT NULL,
	"available" bigint NOT NULL,
	"raised_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "budget_alerts_budget_id_period_start_threshold_pk" PRIMARY KEY("budget_id","period_start","threshold")
);
--> statement-breakpoint
CREATE TABLE "expenses"."budgets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"period" text NOT NULL,
	"amount" bigint NOT NULL,
	"rollover" boolean NOT NULL,
	"starts_on" date NOT NULL,
	"thresholds" integer[] NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "budgets_period" CHECK ("expenses"."budgets"."period" in ('monthly', 'weekly')),
	CONSTRAINT "budgets_amount_positive" CHECK ("expenses"."budgets"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "expenses"."categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expenses"."exchange_rates" (
	"source" text NOT NULL,
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"per_eur" numeric(24, 10) NOT NULL,
	CONSTRAINT "exchange_rates_source_day_currency_pk" PRIMARY KEY("source","day","currency")
);
--> statement-breakpoint
CREATE TABLE "expenses"."settings" (
	"owner_id" uuid PRIMARY KEY NOT NULL,
	"base_currency" text NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expenses"."money_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"currency" text NOT NULL,
	"opening_balance" bigint NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "money_accounts_kind" CHECK ("expenses"."money_accounts"."kind" in ('cash', 'bank', 'card'))
);
--> statement-breakpoint
CREATE TABLE "expenses"."transaction_splits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"transaction_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"position" integer NOT NULL,
	"category_id" uuid,
	"amount" bigint NOT NULL,
	"base_amount" bigint NOT NULL,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "expenses"."transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"account_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"to_account_id" uuid,
	"to_amount" bigint,
	"occurred_on" date NOT NULL,
	"payee" text,
	"notes" text,
	"tags" text[] NOT NULL,
	"base_currency" text NOT NULL,
	"base_amount" bigint NOT NULL,
	"fx_rate" numeric(24, 10) NOT NULL,
	"fx_rate_date" date NOT NULL,
	"fx_source" text NOT NULL,
	"import_fingerprint" text,
	"recurring_id" uuid,
	"receipt_file_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "transactions_kind" CHECK ("expenses"."transactions"."kind" in ('income', 'expense', 'transfer')),
	CONSTRAINT "transactions_amount_positive" CHECK ("expenses"."transactions"."amount" > 0),
	CONSTRAINT "transactions_transfer_shape" CHECK (("expenses"."transactions"."kind" = 'transfer') = ("expenses"."transactions"."to_account_id" is not null and "expenses"."transactions"."to_amount" is not null))
);
--> statement-breakpoint
ALTER TABLE "expenses"."budget_alerts" ADD CONSTRAINT "budget_alerts_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "expenses"."budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses"."budgets" ADD CONSTRAINT "budgets_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "expenses"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses"."transaction_splits" ADD CONSTRAINT "transaction_splits_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "expenses"."transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses"."transaction_splits" ADD CONSTRAINT "transaction_splits_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "expenses"."categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses"."transactions" ADD CONSTRAINT "transactions_account_id_money_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "expenses"."money_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses"."transactions" ADD CONSTRAINT "transactions_to_account_id_money_accounts_id_fk" FOREIGN KEY ("to_account_id") REFERENCES "expenses"."money_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_alerts_owner_idx" ON "expenses"."budget_alerts" USING btree ("owner_id","raised_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_owner_category_period_idx" ON "expenses"."budgets" USING btree ("owner_id","category_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "categories_sibling_name_idx" ON "expenses"."categories" USING btree ("owner_id",coalesce("parent_id", '00000000-0000-0000-0000-000000000000'::uuid),lower("name"));--> statement-breakpoint
CREATE INDEX "categories_parent_idx" ON "expenses"."categories" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "money_accounts_owner_created_idx" ON "expenses"."money_accounts" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "transaction_splits_transaction_idx" ON "expenses"."transaction_splits" USING btree ("transaction_id","position");--> statement-breakpoint
CREATE INDEX "transaction_splits_owner_day_idx" ON "expenses"."transaction_splits" USING btree ("owner_id","occurred_on","category_id");--> statement-breakpoint
CREATE INDEX "transaction_splits_category_idx" ON "expenses"."transaction_splits" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "transactions_owner_day_idx" ON "expenses"."transactions" USING btree ("owner_id","occurred_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "transactions_account_idx" ON "expenses"."transactions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "transactions_to_account_idx" ON "expenses"."transactions" USING btree ("to_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_import_fingerprint_idx" ON "expenses"."transactions" USING btree ("account_id","import_fingerprint");