import { OUTBOX_PARTITIONS, outboxChannel } from './tables';

/**
 * The event tables every subgraph schema gets, applied after the subgraph's own migrations by
 * `applyMigrations` — a new subgraph has an outbox, an inbox and dead letters without writing a
 * migration. Append only: each entry runs once per schema (journal in `drizzle.mosaic_event_tables`).
 */
export const EVENT_TABLE_MIGRATIONS: readonly ((schema: string) => string)[] = [
  (s) => `
    create table "${s}".outbox (
      seq bigint generated always as identity primary key,
      id uuid not null unique,
      type text not null,
      version integer not null,
      aggregate_id text not null,
      partition smallint not null,
      tenant_id text,
      occurred_at timestamptz(3) not null,
      traceparent text,
      payload jsonb not null,
      published_at timestamptz(3)
    );
    create index outbox_unpublished_idx on "${s}".outbox (partition, seq) where published_at is null;
    create index outbox_published_idx on "${s}".outbox (published_at) where published_at is not null;
    create table "${s}".outbox_partitions (partition smallint primary key);
    insert into "${s}".outbox_partitions select generate_series(0, ${OUTBOX_PARTITIONS - 1});
    create function "${s}".outbox_notify() returns trigger language plpgsql as $$
      begin perform pg_notify('${outboxChannel(s)}', ''); return null; end $$;
    create trigger outbox_notify after insert on "${s}".outbox for each statement execute function "${s}".outbox_notify();
    create table "${s}".inbox (
      consumer text not null,
      event_id uuid not null,
      processed_at timestamptz(3) not null,
      primary key (consumer, event_id)
    );
    create index inbox_processed_idx on "${s}".inbox (processed_at);
    create table "${s}".dead_letters (
      id uuid primary key,
      consumer text not null,
      event_id uuid not null,
      type text not null,
      envelope jsonb not null,
      error text not null,
      attempts integer not null,
      failed_at timestamptz(3) not null,
      replay_requested_at timestamptz(3),
      replayed_at timestamptz(3),
      unique (consumer, event_id)
    );`,
  // NOTIFY takes a database-wide lock at commit, which serialises committing writers (about 2.5× fewer
  // commits per second with eight writers here): notify only while a relay sleeps and asked for it.
  (s) => `
    create table "${s}".outbox_wakeup (needed boolean not null);
    insert into "${s}".outbox_wakeup values (true);
    create or replace function "${s}".outbox_notify() returns trigger language plpgsql as $$
      begin
        if (select needed from "${s}".outbox_wakeup) then perform pg_notify('${outboxChannel(s)}', ''); end if;
        return null;
      end $$;`,
];

/** Runs the event-table migrations a schema lacks; `exec` runs a multi-statement script in one transaction. */
export async function applyEventTableMigrations(
  schema: string,
  exec: (script: string) => Promise<unknown>,
  appliedVersions: () => Promise<number[]>,
): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`"${schema}" is not a schema name event tables can live in.`);
  await exec(`create schema if not exists drizzle; create table if not exists drizzle.mosaic_event_tables (schema text not null, version integer not null, applied_at timestamptz not null, primary key (schema, version));`);
  const applied = new Set(await appliedVersions());
  for (const [version, migration] of EVENT_TABLE_MIGRATIONS.entries()) {
    if (applied.has(version)) continue;
    await exec(`${migration(schema)}; insert into drizzle.mosaic_event_tables values ('${schema}', ${version}, now());`);
  }
}
