ALTER TABLE "chat"."rooms" ADD COLUMN "direct_key" text;--> statement-breakpoint
ALTER TABLE "chat"."rooms" ADD CONSTRAINT "rooms_direct_key_unique" UNIQUE("direct_key");