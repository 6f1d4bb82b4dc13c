import { databaseEnv, drizzleOver, eventTables, listDeadLetters, memoEnv, openSqlClient, requestReplay, type DeadLetterRow } from '@mosaic/kit';
import { eq } from 'drizzle-orm';
import { registry } from './registry';

/**
 * `pnpm events dead-letters <subgraph> [--all]`: lists a subgraph's dead letters (pending ones; with
 * --all also those replayed). `pnpm events replay <subgraph> <dead-letter-id>`: asks the running
 * subgraph to apply it once more and waits for the outcome (its consumers hold the handlers; they
 * pick requests up within OUTBOX_POLL_MS). Reads DATABASE_URL like the services; with PGlite, use
 * the admin GraphQL fields instead (the embedded database belongs to the running process).
 */
const usage = 'usage: pnpm events dead-letters <subgraph> [--all] | pnpm events replay <subgraph> <dead-letter-id>';
const [command, subgraph, arg] = process.argv.slice(2);
const names = registry.map((entry) => entry.name);
if (!command || !subgraph || !['dead-letters', 'replay'].includes(command)) fail(usage);
if (!names.includes(subgraph!)) fail(`No subgraph "${subgraph}"; one of: ${names.join(', ')}.`);

const { database } = memoEnv({ database: databaseEnv })();
const client = await openSqlClient(database);
const db = drizzleOver(client);
try {
  if (command === 'dead-letters') {
    const rows = await listDeadLetters(db, subgraph!, { pending: arg !== '--all', limit: 500 });
    if (rows.length === 0) console.log(`${subgraph}: no ${arg === '--all' ? '' : 'pending '}dead letters.`);
    for (const row of rows) console.log(describe(row));
  } else {
    if (!arg) fail(usage);
    if (!(await requestReplay(db, subgraph!, arg!))) fail(`${subgraph}: no pending dead letter ${arg}.`);
    console.log(`${subgraph}: replay of ${arg} requested; waiting for the running subgraph…`);
    const outcome = await waitForReplay(arg!);
    console.log(outcome);
    process.exitCode = outcome.startsWith('applied') ? 0 : 1;
  }
} finally {
  await client.close();
}

async function waitForReplay(id: string): Promise<string> {
  const { deadLetters } = eventTables(subgraph!);
  for (let waited = 0; waited < 60_000; waited += 250) {
    const [row] = await db.select().from(deadLetters).where(eq(deadLetters.id, id));
    if (!row) return 'gone (pruned?)';
    if (row.replayedAt) return `applied at ${row.replayedAt.toISOString()}`;
    if (!row.replayRequestedAt) return `failed again: ${row.error} (attempt ${row.attempts})`;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return 'no answer within 60 s: is the subgraph running, with this consumer?';
}

function describe(row: DeadLetterRow): string {
  const state = row.replayedAt ? `replayed ${row.replayedAt.toISOString()}` : row.replayRequestedAt ? 'replay requested' : 'pending';
  return `${row.id}  ${row.failedAt.toISOString()}  ${row.consumer}  ${row.type}  event ${row.eventId}  attempts ${row.attempts}  ${state}\n    ${row.error}`;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
