CREATE TABLE "expenses"."recurring_transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"anchor_on" date NOT NULL,
	"next_on" date,
	"kind" text NOT NULL,
	"account_id" uuid NOT NULL,
	"to_account_id" uuid,
	"amount" bigint NOT NULL,
	"category_id" uuid,
	"payee" text,
	"notes" text,
	"tags" text[] NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expenses"."recurring_transactions" ADD CONSTRAINT "recurring_transactions_account_id_money_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "expenses"."money_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses"."recurring_transactions" ADD CONSTRAINT "recurring_transactions_to_account_id_money_accounts_id_fk" FOREIGN KEY ("to_account_id") REFERENCES "expenses"."money_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses"."recurring_transactions" ADD CONSTRAINT "recurring_transactions_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "expenses"."categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recurring_owner_idx" ON "expenses"."recurring_transactions" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "recurring_next_idx" ON "expenses"."recurring_transactions" USING btree ("next_on");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_recurring_day_idx" ON "expenses"."transactions" USING btree ("recurring_id","occurred_on");