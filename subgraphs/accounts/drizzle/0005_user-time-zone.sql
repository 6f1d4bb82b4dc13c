ALTER TABLE "accounts"."users" ADD COLUMN "time_zone" text NOT NULL DEFAULT 'UTC';--> statement-breakpoint
ALTER TABLE "accounts"."users" ALTER COLUMN "time_zone" DROP DEFAULT;--> statement-breakpoint
-- Backfill: accounts that existed before `account.registered` are announced once through the
-- outbox, so the subgraphs that keep a projection of users learn of them too. On a fresh
-- database the outbox is created after this migration (and there are no users yet).
-- `partition` is kit's partitionOf (FNV-1a of the aggregate id, modulo 16), so these events keep
-- their user's order with the events written later by the application.
DO $$
BEGIN
  IF to_regclass('accounts.outbox') IS NOT NULL THEN
    INSERT INTO "accounts"."outbox" (id, type, version, aggregate_id, partition, tenant_id, occurred_at, traceparent, payload)
    SELECT gen_random_uuid(), 'account.registered', 1, u.id::text,
      ((WITH RECURSIVE f(i, hash) AS (
        SELECT 0, 2166136261::bigint
        UNION ALL
        SELECT i + 1, ((hash # ascii(substr(u.id::text, i + 1, 1))) * 16777619) & 4294967295 FROM f WHERE i < length(u.id::text)
      ) SELECT hash FROM f ORDER BY i DESC LIMIT 1) % 16)::smallint,
      NULL, u.created_at, NULL,
      jsonb_build_object('userId', u.id, 'timeZone', u.time_zone, 'registeredAt', to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    FROM "accounts"."users" u
    ORDER BY u.created_at, u.id;
  END IF;
END $$;
