CREATE SCHEMA "commerce";
--> statement-breakpoint
CREATE TABLE "commerce"."products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "products_owner_created_idx" ON "commerce"."products" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);