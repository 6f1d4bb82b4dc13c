CREATE SCHEMA "stocks";
--> statement-breakpoint
CREATE TABLE "stocks"."candles" (
	"symbol" text NOT NULL,
	"interval" text NOT NULL,
	"start" timestamp (3) with time zone NOT NULL,
	"open" bigint NOT NULL,
	"high" bigint NOT NULL,
	"low" bigint NOT NULL,
	"close" bigint NOT NULL,
	"volume" bigint NOT NULL,
	"trades" integer NOT NULL,
	"first_trade_at" timestamp (3) with time zone NOT NULL,
	"last_trade_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "candles_pkey" PRIMARY KEY("symbol","interval","start"),
	CONSTRAINT "candles_interval_known" CHECK ("stocks"."candles"."interval" in ('M1', 'M5', 'H1', 'D1')),
	CONSTRAINT "candles_ohlc_consistent" CHECK ("stocks"."candles"."low" <= least("stocks"."candles"."open", "stocks"."candles"."close") and "stocks"."candles"."high" >= greatest("stocks"."candles"."open", "stocks"."candles"."close") and "stocks"."candles"."low" > 0),
	CONSTRAINT "candles_volume_non_negative" CHECK ("stocks"."candles"."volume" >= 0 and "stocks"."candles"."trades" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stocks"."instruments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"symbol" text NOT NULL,
	"name" text NOT NULL,
	"exchange" text NOT NULL,
	"currency" text NOT NULL,
	"price_decimals" smallint NOT NULL,
	"provider_symbol" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "instruments_symbol_key" UNIQUE("symbol"),
	CONSTRAINT "instruments_symbol_format" CHECK ("stocks"."instruments"."symbol" ~ '^[A-Z0-9.\-]{1,12}$'),
	CONSTRAINT "instruments_currency_format" CHECK ("stocks"."instruments"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "instruments_price_decimals_range" CHECK ("stocks"."instruments"."price_decimals" between 0 and 4)
);
--> statement-breakpoint
CREATE TABLE "stocks"."price_alert_triggers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"alert_id" uuid,
	"owner_id" uuid NOT NULL,
	"symbol" text NOT NULL,
	"generation" integer NOT NULL,
	"condition" text NOT NULL,
	"threshold" bigint,
	"move_bps" integer,
	"window_seconds" integer,
	"price" bigint NOT NULL,
	"reference_price" bigint,
	"triggered_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stocks"."price_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"symbol" text NOT NULL,
	"condition" text NOT NULL,
	"price" bigint,
	"move_bps" integer,
	"window_seconds" integer,
	"status" text NOT NULL,
	"generation" integer NOT NULL,
	"armed_at" timestamp (3) with time zone NOT NULL,
	"triggered_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "price_alerts_condition_known" CHECK ("stocks"."price_alerts"."condition" in ('ABOVE', 'BELOW', 'PERCENT_MOVE')),
	CONSTRAINT "price_alerts_status_known" CHECK ("stocks"."price_alerts"."status" in ('ARMED', 'TRIGGERED')),
	CONSTRAINT "price_alerts_parameters" CHECK (("stocks"."price_alerts"."condition" in ('ABOVE', 'BELOW') and "stocks"."price_alerts"."price" > 0 and "stocks"."price_alerts"."move_bps" is null and "stocks"."price_alerts"."window_seconds" is null)
        or ("stocks"."price_alerts"."condition" = 'PERCENT_MOVE' and "stocks"."price_alerts"."price" is null and "stocks"."price_alerts"."move_bps" between 1 and 10000 and "stocks"."price_alerts"."window_seconds" between 60 and 86400)),
	CONSTRAINT "price_alerts_triggered_iff_time" CHECK (("stocks"."price_alerts"."status" = 'TRIGGERED') = ("stocks"."price_alerts"."triggered_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "stocks"."quotes" (
	"symbol" text PRIMARY KEY NOT NULL,
	"last" bigint NOT NULL,
	"bid" bigint,
	"ask" bigint,
	"previous_close" bigint,
	"day_start" timestamp (3) with time zone NOT NULL,
	"day_volume" bigint NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stocks"."watchlist_symbols" (
	"watchlist_id" uuid NOT NULL,
	"symbol" text NOT NULL,
	"position" integer NOT NULL,
	"added_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "watchlist_symbols_pkey" PRIMARY KEY("watchlist_id","symbol")
);
--> statement-breakpoint
CREATE TABLE "stocks"."watchlists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "watchlists_name_length" CHECK (char_length("stocks"."watchlists"."name") between 1 and 60)
);
--> statement-breakpoint
ALTER TABLE "stocks"."candles" ADD CONSTRAINT "candles_symbol_instruments_symbol_fk" FOREIGN KEY ("symbol") REFERENCES "stocks"."instruments"("symbol") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocks"."price_alert_triggers" ADD CONSTRAINT "price_alert_triggers_alert_id_price_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "stocks"."price_alerts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocks"."price_alerts" ADD CONSTRAINT "price_alerts_symbol_instruments_symbol_fk" FOREIGN KEY ("symbol") REFERENCES "stocks"."instruments"("symbol") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocks"."quotes" ADD CONSTRAINT "quotes_symbol_instruments_symbol_fk" FOREIGN KEY ("symbol") REFERENCES "stocks"."instruments"("symbol") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocks"."watchlist_symbols" ADD CONSTRAINT "watchlist_symbols_watchlist_id_watchlists_id_fk" FOREIGN KEY ("watchlist_id") REFERENCES "stocks"."watchlists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocks"."watchlist_symbols" ADD CONSTRAINT "watchlist_symbols_symbol_instruments_symbol_fk" FOREIGN KEY ("symbol") REFERENCES "stocks"."instruments"("symbol") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "price_alert_triggers_once_key" ON "stocks"."price_alert_triggers" USING btree ("alert_id","generation");--> statement-breakpoint
CREATE INDEX "price_alert_triggers_owner_idx" ON "stocks"."price_alert_triggers" USING btree ("owner_id","triggered_at","id");--> statement-breakpoint
CREATE INDEX "price_alerts_armed_symbol_idx" ON "stocks"."price_alerts" USING btree ("symbol") WHERE "stocks"."price_alerts"."status" = 'ARMED';--> statement-breakpoint
CREATE INDEX "price_alerts_owner_idx" ON "stocks"."price_alerts" USING btree ("owner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "watchlist_symbols_order_idx" ON "stocks"."watchlist_symbols" USING btree ("watchlist_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "watchlists_owner_name_key" ON "stocks"."watchlists" USING btree ("owner_id",lower("name"));--> statement-breakpoint
CREATE INDEX "watchlists_owner_position_idx" ON "stocks"."watchlists" USING btree ("owner_id","position","id");