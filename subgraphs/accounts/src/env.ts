import { z } from 'zod';
import { memoEnv, serviceEnv } from '@mosaic/kit';

/**
 * ACCOUNTS_SIGNING_KEYS: JSON array of Ed25519 private JWKs, each with a `kid`; the first signs,
 * all are published in the JWKS (so a key can be rotated in before it signs, and out after the last
 * token it signed expired). Unset outside production → a dev key generated once under DEV_KEYS_DIR.
 */
export const tokensEnv = z
  .object({
    ACCOUNTS_SIGNING_KEYS: z.string().optional(),
    DEV_KEYS_DIR: z.string().default('.data/dev-keys'),
    JWT_ISSUER: z.string().default('mosaic-accounts'),
    JWT_AUDIENCE: z.string().default('mosaic'),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  })
  .transform((e) => ({
    signingKeys: e.ACCOUNTS_SIGNING_KEYS,
    devKeysDir: e.DEV_KEYS_DIR,
    issuer: e.JWT_ISSUER,
    audience: e.JWT_AUDIENCE,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
  }));
export type TokensConfig = z.output<typeof tokensEnv>;

export const env = memoEnv({ ...serviceEnv(4001), tokens: tokensEnv });
