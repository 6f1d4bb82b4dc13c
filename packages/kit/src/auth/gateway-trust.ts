import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The trust boundary between the gateway and subgraphs: every request the gateway sends carries a
 * short-lived token HMAC-signed with a secret both sides share (GATEWAY_SHARED_SECRET), so a
 * subgraph reached directly — around the gateway's limits, rate limits and token checks — refuses
 * to answer, `_entities` and `_service` included. The user's own access token is still verified by
 * the subgraph (defence in depth); this token only says "the request came through the gateway".
 */
export const GATEWAY_TOKEN_HEADER = 'x-mosaic-gateway';
const MAX_AGE_SECONDS = 60;

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signGatewayToken(secret: string, now = Date.now()): string {
  const payload = `v1.${Math.floor(now / 1000)}`;
  return `${payload}.${mac(secret, payload)}`;
}

export function verifyGatewayToken(secret: string, token: string | undefined, now = Date.now()): boolean {
  if (!token) return false;
  const [version, issuedAt, signature] = token.split('.');
  if (version !== 'v1' || !issuedAt || !signature || !/^\d+$/.test(issuedAt)) return false;
  const age = Math.floor(now / 1000) - Number(issuedAt);
  if (age < -MAX_AGE_SECONDS || age > MAX_AGE_SECONDS) return false;
  const expected = Buffer.from(mac(secret, `${version}.${issuedAt}`));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Signs at most once a second: the token is valid for a minute, so reuse within a second is free. */
export function gatewayTokenSigner(secret: string): () => string {
  let cached = { second: -1, token: '' };
  return () => {
    const second = Math.floor(Date.now() / 1000);
    if (cached.second !== second) cached = { second, token: signGatewayToken(secret, second * 1000) };
    return cached.token;
  };
}
