import { applyMigrations, createEnvelopeCipher, createLogger, databaseEnv, drizzleOver, loadFieldKeys, openSqlClient, parseEnv } from '@mosaic/kit';
import { rewrapWalletKeys } from './domain/key-rotation';
import { chainEnv } from './env';
import chain from './index';

/**
 * Operator CLI: `pnpm --filter @mosaic/chain rotate-keys` re-wraps every wallet's data key with
 * the first key of CHAIN_KEY_ENCRYPTION_KEYS. Uses DATABASE_URL (or the all-in-one PGlite
 * directory) like the service.
 */
const log = createLogger('chain-rotate-keys');
const env = parseEnv({ database: databaseEnv, chain: chainEnv });
const client = await openSqlClient(env.database);
try {
  await applyMigrations(client, chain.migrations);
  const envelope = createEnvelopeCipher(loadFieldKeys(env.chain.keyEncryptionKeys));
  const result = await rewrapWalletKeys(drizzleOver(client), envelope);
  log.info({ ...result, active: envelope.activeKeyId }, 'wallet data keys re-wrapped');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await client.close();
}
