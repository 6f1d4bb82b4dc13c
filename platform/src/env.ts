import { tokensEnv } from '@mosaic/accounts';
import { databaseEnv, httpEnv, memoEnv, runtimeEnv } from '@mosaic/kit';

/** All-in-one reads the same variables the services read; see the README's configuration table. */
export const env = memoEnv({ runtime: runtimeEnv, http: httpEnv(4000), database: databaseEnv, tokens: tokensEnv });
