CREATE SCHEMA "files";
--> statement-breakpoint
CREATE TABLE "files"."files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "files_owner_created_idx" ON "files"."files" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);