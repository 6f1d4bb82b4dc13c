import { applyMigrations, databaseEnv, memoEnv, openSqlClient } from '@mosaic/kit';
import { loadSubgraphs } from './registry';

/**
 * `pnpm db:migrate`: applies every subgraph's migrations to DATABASE_URL (or the PGlite directory).
 * Services also migrate at start; this is for deploy pipelines that migrate first.
 */
const { database } = memoEnv({ database: databaseEnv })();
const client = await openSqlClient(database);
try {
  for (const { module } of await loadSubgraphs()) {
    await applyMigrations(client, module.migrations);
    console.log(`${module.name}: migrated`);
  }
} finally {
  await client.close();
}
