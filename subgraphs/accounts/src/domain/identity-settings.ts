import { hkdfSync } from 'node:crypto';
import { loadFieldKeys, type FieldKey } from '@mosaic/kit';
import type { IdentityConfig } from '../env';
import type { ExternalProviderConfig } from '../providers/oidc/external-provider';

/** What accounts needs beyond tokens: secrets at rest, the OAuth server, external providers. */
export interface IdentitySettings {
  fieldKeys: FieldKey[];
  oauthIssuer: string;
  twoFactorIssuer: string;
  /** Proxies in front of the OAuth pages (OAUTH_TRUST_PROXY_HOPS). */
  trustedProxyHops: number;
  externalProviders: ExternalProviderConfig[];
}

export function loadIdentitySettings(config: IdentityConfig): IdentitySettings {
  return {
    fieldKeys: loadFieldKeys({ ...config.fieldKeys, variable: 'ACCOUNTS_FIELD_KEYS', devKeyFile: 'accounts-field-keys.DEV-ONLY.json' }),
    oauthIssuer: config.oauthIssuer,
    twoFactorIssuer: config.twoFactorIssuer,
    trustedProxyHops: config.trustedProxyHops,
    externalProviders: config.externalProviders,
  };
}

/** Independent keys for one purpose (cookies, CSRF) derived from the field keys, so no extra secret to manage. */
export function derivedKeys(fieldKeys: readonly FieldKey[], purpose: string): string[] {
  return fieldKeys.map((k) => Buffer.from(hkdfSync('sha256', k.key, Buffer.alloc(0), `mosaic-accounts:${purpose}`, 32)).toString('base64url'));
}
