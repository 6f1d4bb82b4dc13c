import { z } from 'zod';

const keysSource = (json: string | undefined, variable: string, devKeysDir: string, devKeyFile: string, production: boolean) => ({ json, variable, devKeysDir, devKeyFile, production });

/**
 * Banking's settings (documented in its README). Keys default to development keys generated once
 * into DEV_KEYS_DIR, refused in production.
 */
export const bankingEnv = z
  .object({
    NODE_ENV: z.string().optional(),
    DEV_KEYS_DIR: z.string().default('.data/dev-keys'),
    BANKING_KEY_ENCRYPTION_KEYS: z.string().optional(),
    BANKING_LOOKUP_KEYS: z.string().optional(),
    BANKING_MAX_ACCOUNTS_PER_USER: z.coerce.number().int().min(1).max(1_000).default(10),
    BANKING_STEP_UP_THRESHOLD: z.coerce.bigint().min(0n).default(100_000n),
    BANKING_STEP_UP_MAX_AGE_SECONDS: z.coerce.number().int().min(30).max(86_400).default(300),
    BANKING_HOLD_TTL_SECONDS: z.coerce.number().int().min(1).max(90 * 86_400).default(7 * 86_400),
    BANKING_EXPIRY_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(30_000),
    BANKING_STATEMENT_MAX_POSTINGS: z.coerce.number().int().min(10).max(1_000_000).default(10_000),
    BANKING_BATCH_MAX: z.coerce.number().int().min(1).max(1_000).default(200),
    BANKING_BATCHES_IN_FLIGHT: z.coerce.number().int().min(1).max(64).default(4),
    BANKING_FX_PROVIDER: z.enum(['offline', 'frankfurter']).default('offline'),
    BANKING_FX_URL: z.string().url().default('https://api.frankfurter.app'),
    BANKING_FX_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  })
  .refine((e) => e.NODE_ENV !== 'production' || e.BANKING_KEY_ENCRYPTION_KEYS, {
    message: 'must be set in production (`pnpm --filter @mosaic/banking -s keys:generate` prints a value)',
    path: ['BANKING_KEY_ENCRYPTION_KEYS'],
  })
  .refine((e) => e.NODE_ENV !== 'production' || e.BANKING_LOOKUP_KEYS, {
    message: 'must be set in production (`pnpm --filter @mosaic/banking -s keys:generate` prints a value)',
    path: ['BANKING_LOOKUP_KEYS'],
  })
  .transform((e) => {
    const production = e.NODE_ENV === 'production';
    return {
      keyEncryptionKeys: keysSource(e.BANKING_KEY_ENCRYPTION_KEYS, 'BANKING_KEY_ENCRYPTION_KEYS', e.DEV_KEYS_DIR, 'banking-key-encryption-keys.DEV-ONLY.json', production),
      lookupKeys: keysSource(e.BANKING_LOOKUP_KEYS, 'BANKING_LOOKUP_KEYS', e.DEV_KEYS_DIR, 'banking-lookup-keys.DEV-ONLY.json', production),
      maxAccountsPerUser: e.BANKING_MAX_ACCOUNTS_PER_USER,
      stepUpThreshold: e.BANKING_STEP_UP_THRESHOLD,
      stepUpMaxAgeSeconds: e.BANKING_STEP_UP_MAX_AGE_SECONDS,
      holdTtlSeconds: e.BANKING_HOLD_TTL_SECONDS,
      expiryIntervalMs: e.BANKING_EXPIRY_INTERVAL_MS,
      statementMaxPostings: e.BANKING_STATEMENT_MAX_POSTINGS,
      batchMax: e.BANKING_BATCH_MAX,
      batchesInFlight: e.BANKING_BATCHES_IN_FLIGHT,
      fx: { provider: e.BANKING_FX_PROVIDER, url: e.BANKING_FX_URL, timeoutMs: e.BANKING_FX_TIMEOUT_MS },
    };
  });

export type BankingSettings = z.output<typeof bankingEnv>;
