ALTER TABLE "commerce"."carts" DROP COLUMN "tenant_id";--> statement-breakpoint
ALTER TABLE "commerce"."categories" DROP COLUMN "tenant_id";--> statement-breakpoint
ALTER TABLE "commerce"."orders" DROP COLUMN "tenant_id";--> statement-breakpoint
ALTER TABLE "commerce"."products" DROP COLUMN "tenant_id";--> statement-breakpoint
ALTER TABLE "commerce"."promotions" DROP COLUMN "tenant_id";--> statement-breakpoint
ALTER TABLE "commerce"."variants" DROP COLUMN "tenant_id";