CREATE SCHEMA "commerce";
--> statement-breakpoint
CREATE TABLE "commerce"."cart_lines" (
	"cart_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"added_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "cart_lines_cart_id_variant_id_pk" PRIMARY KEY("cart_id","variant_id"),
	CONSTRAINT "cart_lines_quantity_check" CHECK ("commerce"."cart_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "commerce"."carts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid,
	"owner_id" uuid,
	"token_hash" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commerce"."categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid,
	"parent_id" uuid,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commerce"."order_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"vendor_id" uuid,
	"variant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"product_name" text NOT NULL,
	"variant_name" text NOT NULL,
	"sku" text NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"quantity" integer NOT NULL,
	"line_total_minor" bigint NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commerce"."order_transitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"amount_minor" bigint,
	"note" text,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commerce"."orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid,
	"vendor_id" uuid,
	"buyer_id" uuid,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"subtotal_minor" bigint NOT NULL,
	"discount_minor" bigint NOT NULL,
	"shipping_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"refunded_minor" bigint NOT NULL,
	"promotion_id" uuid,
	"promotion_code" text,
	"shipping_method" text NOT NULL,
	"shipping_address" jsonb,
	"tax_label" text NOT NULL,
	"payment_provider" text NOT NULL,
	"payment_reference" text,
	"stock_settled" boolean NOT NULL,
	"placed_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commerce"."payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"provider" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"reference" text,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commerce"."products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid,
	"vendor_id" uuid,
	"category_id" uuid,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text NOT NULL,
	"image_urls" text[] NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commerce"."promotions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid,
	"vendor_id" uuid,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"value" integer NOT NULL,
	"currency" text,
	"min_subtotal_minor" bigint NOT NULL,
	"usage_limit" integer,
	"used_count" integer NOT NULL,
	"starts_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone,
	"active" boolean NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commerce"."variants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid,
	"vendor_id" uuid,
	"product_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"options" jsonb NOT NULL,
	"price_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"stock_on_hand" integer NOT NULL,
	"reserved" integer NOT NULL,
	"low_stock_threshold" integer NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "variants_stock_check" CHECK ("commerce"."variants"."reserved" >= 0 and "commerce"."variants"."reserved" <= "commerce"."variants"."stock_on_hand")
);
--> statement-breakpoint
CREATE TABLE "commerce"."webhook_events" (
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "webhook_events_provider_event_id_pk" PRIMARY KEY("provider","event_id")
);
--> statement-breakpoint
ALTER TABLE "commerce"."cart_lines" ADD CONSTRAINT "cart_lines_cart_id_carts_id_fk" FOREIGN KEY ("cart_id") REFERENCES "commerce"."carts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commerce"."cart_lines" ADD CONSTRAINT "cart_lines_variant_id_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "commerce"."variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commerce"."order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "commerce"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commerce"."order_transitions" ADD CONSTRAINT "order_transitions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "commerce"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commerce"."payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "commerce"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commerce"."variants" ADD CONSTRAINT "variants_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "commerce"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "carts_owner_idx" ON "commerce"."carts" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "carts_token_idx" ON "commerce"."carts" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "categories_slug_idx" ON "commerce"."categories" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "categories_parent_idx" ON "commerce"."categories" USING btree ("parent_id","position");--> statement-breakpoint
CREATE INDEX "order_lines_order_idx" ON "commerce"."order_lines" USING btree ("order_id","position");--> statement-breakpoint
CREATE INDEX "order_transitions_order_idx" ON "commerce"."order_transitions" USING btree ("order_id","at","id");--> statement-breakpoint
CREATE INDEX "orders_buyer_idx" ON "commerce"."orders" USING btree ("buyer_id","placed_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "commerce"."orders" USING btree ("status","placed_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "orders_payment_ref_idx" ON "commerce"."orders" USING btree ("payment_provider","payment_reference");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_idempotency_idx" ON "commerce"."payments" USING btree ("provider","idempotency_key");--> statement-breakpoint
CREATE INDEX "payments_order_idx" ON "commerce"."payments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "products_slug_idx" ON "commerce"."products" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "products_listing_idx" ON "commerce"."products" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "products_category_idx" ON "commerce"."products" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "products_search_idx" ON "commerce"."products" USING gin (to_tsvector('english', "name" || ' ' || "description"));--> statement-breakpoint
CREATE UNIQUE INDEX "promotions_code_idx" ON "commerce"."promotions" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "variants_sku_idx" ON "commerce"."variants" USING btree ("sku");--> statement-breakpoint
CREATE INDEX "variants_product_idx" ON "commerce"."variants" USING btree ("product_id","position");