import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { applyMigrations, createLogger, databaseEnv, drizzleOver, openSqlClient, parseEnv } from '@mosaic/kit';
import { InstrumentCatalog } from './domain/instrument-catalog';
import { importCandleCsv } from './domain/import-candles';
import stocks from './index';

/**
 * Operator CLI for files too large for the `importCandles` mutation (1 MiB request bodies):
 *   pnpm --filter @mosaic/stocks import-candles --symbol ACME --interval D1 history.csv
 * Uses DATABASE_URL (or the all-in-one PGlite directory) like the service; same parsing and
 * all-or-nothing transaction as the mutation.
 */
const { values, positionals } = parseArgs({
  options: { symbol: { type: 'string' }, interval: { type: 'string' } },
  allowPositionals: true,
});
const log = createLogger('stocks-import');
if (!values.symbol || !values.interval || positionals.length !== 1) {
  console.error('usage: import-candles --symbol ACME --interval M1|M5|H1|D1 <file.csv>');
  process.exit(2);
}
const client = await openSqlClient(parseEnv({ database: databaseEnv }).database);
try {
  await applyMigrations(client, stocks.migrations);
  const db = drizzleOver(client);
  const catalog = await InstrumentCatalog.load(db);
  const csv = await readFile(positionals[0]!, 'utf8');
  const result = await importCandleCsv({ db, catalog, now: () => new Date() }, { symbol: values.symbol, interval: values.interval, csv });
  log.info({ ...result, from: result.from?.toISOString(), to: result.to?.toISOString() }, 'candles imported');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await client.close();
}
