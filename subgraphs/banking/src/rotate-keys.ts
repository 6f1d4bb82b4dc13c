import { applyMigrations, createLogger, databaseEnv, drizzleOver, openSqlClient, parseEnv } from '@mosaic/kit';
import { rotateBankingKeys } from './domain/key-rotation';
import { loadBankingSecrets } from './domain/secrets';
import { bankingEnv } from './env';
import banking from './index';

/**
 * Operator CLI: `pnpm --filter @mosaic/banking rotate-keys` re-wraps every sealed field's data key
 * with the first key of BANKING_KEY_ENCRYPTION_KEYS and re-hashes account numbers under the first
 * of BANKING_LOOKUP_KEYS. Uses DATABASE_URL (or the all-in-one PGlite directory) like the service.
 */
const log = createLogger('banking-rotate-keys');
const env = parseEnv({ database: databaseEnv, banking: bankingEnv });
const client = await openSqlClient(env.database);
try {
  await applyMigrations(client, banking.migrations);
  const secrets = loadBankingSecrets(env.banking);
  const result = await rotateBankingKeys(drizzleOver(client), secrets);
  log.info({ ...result, active: secrets.envelope.activeKeyId }, 'banking data keys re-wrapped');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await client.close();
}
