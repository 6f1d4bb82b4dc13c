CREATE SCHEMA "files";
--> statement-breakpoint
CREATE TABLE "files"."file_shares" (
	"file_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "file_shares_file_id_user_id_pk" PRIMARY KEY("file_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "files"."files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"thumbnail_key" text,
	"public_token" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "files_public_token_unique" UNIQUE("public_token")
);
--> statement-breakpoint
CREATE TABLE "files"."storage_usage" (
	"owner_id" uuid PRIMARY KEY NOT NULL,
	"bytes_used" bigint NOT NULL,
	"file_count" bigint NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "files"."file_shares" ADD CONSTRAINT "file_shares_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "files"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "file_shares_user_idx" ON "files"."file_shares" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "files_owner_created_idx" ON "files"."files" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);