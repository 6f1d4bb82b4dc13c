import { z } from 'zod';
import { memoEnv, serviceEnv } from '@mosaic/kit';
import type { ExternalProviderConfig } from './providers/oidc/external-provider';

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

const externalProvider = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,32}$/, 'id must be 1-32 lower-case letters, digits or "-"'),
  name: z.string().min(1).max(64),
  issuer: z.string().url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  redirectUris: z.array(z.string().url()).min(1),
});

const externalProviders = z
  .string()
  .optional()
  .transform((value, ctx): ExternalProviderConfig[] => {
    if (!value) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON: [{"id","name","issuer","clientId","clientSecret","redirectUris"}]' });
      return z.NEVER;
    }
    const result = z.array(externalProvider).safeParse(parsed);
    if (!result.success) {
      ctx.addIssue({ code: 'custom', message: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return z.NEVER;
    }
    return result.data;
  });

/**
 * ACCOUNTS_FIELD_KEYS: JSON array of `{ "id", "key": base64 of 32 bytes }` that encrypt TOTP seeds
 * at rest (AES-256-GCM; first encrypts, all decrypt, so keys rotate). Unset outside production →
 * a dev key generated once under DEV_KEYS_DIR (`pnpm keys:generate-field`). The OAuth server's
 * cookie and form keys are derived from it.
 * OAUTH_ISSUER: the authorization server's public URL (accounts serves it under /oidc).
 * OAUTH_TRUST_PROXY_HOPS: proxies in front of its pages (the ingress: 1), for the browser's address.
 * EXTERNAL_OIDC_PROVIDERS: providers users may sign in with; unset → none.
 */
export const identityEnv = z
  .object({
    ACCOUNTS_FIELD_KEYS: z.string().optional(),
    DEV_KEYS_DIR: z.string().default('.data/dev-keys'),
    OAUTH_ISSUER: z.string().url().default('http://localhost:4001/oidc'),
    TWO_FACTOR_ISSUER: z.string().min(1).max(64).default('Mosaic'),
    OAUTH_TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    EXTERNAL_OIDC_PROVIDERS: externalProviders,
  })
  .transform((e) => ({
    fieldKeys: e.ACCOUNTS_FIELD_KEYS,
    devKeysDir: e.DEV_KEYS_DIR,
    oauthIssuer: e.OAUTH_ISSUER.replace(/\/$/, ''),
    twoFactorIssuer: e.TWO_FACTOR_ISSUER,
    trustedProxyHops: e.OAUTH_TRUST_PROXY_HOPS,
    externalProviders: e.EXTERNAL_OIDC_PROVIDERS,
  }));
export type IdentityConfig = z.output<typeof identityEnv>;

export const env = memoEnv({ ...serviceEnv(4001), tokens: tokensEnv, identity: identityEnv });
