import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

export interface TokenKeySet {
  /** Trusts the public keys a subgraph in this process issues tokens with (`BuiltSubgraph.tokenKeys`). */
  trust(jwks: JSONWebKeySet): void;
  getKey: JWTVerifyGetKey;
}

/**
 * The keys access tokens are verified with: those published in this process (the issuer's own
 * process, or all-in-one), and — when `jwksUrl` is given — the issuer's published JWKS, fetched and
 * cached (services mode). Keys are looked up when a token arrives, so verifiers can be handed out
 * before the issuer is built.
 */
export function createTokenKeySet(jwksUrl?: string): TokenKeySet {
  const local: JSONWebKeySet = { keys: [] };
  let localKeys = createLocalJWKSet(local);
  const remote = jwksUrl ? createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 5_000, cacheMaxAge: 10 * 60_000 }) : undefined;
  return {
    trust(jwks) {
      local.keys.push(...jwks.keys);
      localKeys = createLocalJWKSet(local);
    },
    getKey(header, token) {
      if (!remote || local.keys.some((key) => key.kid === header.kid)) return localKeys(header, token);
      return remote(header, token);
    },
  };
}
