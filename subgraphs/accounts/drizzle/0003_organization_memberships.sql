CREATE TABLE "accounts"."organization_memberships" (
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text,
	"changed_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "organization_memberships_user_id_organization_id_pk" PRIMARY KEY("user_id","organization_id")
);
--> statement-breakpoint
ALTER TABLE "accounts"."sessions" ADD COLUMN "organization_id" uuid;