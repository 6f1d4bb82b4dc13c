import { authVerifyEnv, databaseEnv, httpEnv, memoEnv, runtimeEnv } from '@mosaic/kit';

export const env = memoEnv({ runtime: runtimeEnv, http: httpEnv(4003), database: databaseEnv, auth: authVerifyEnv });
