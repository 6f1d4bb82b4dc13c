import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Viewer } from './viewer';

/**
 * The trust boundary between the gateway and subgraphs: every request the gateway sends carries a
 * token HMAC-signed with a secret both sides share (GATEWAY_SHARED_SECRET), so a subgraph reached
 * directly — around the gateway's limits, rate limits and token checks — refuses to answer,
 * `_entities` and `_service` included. The user's own access token is still verified by the
 * subgraph (defence in depth); this token only says "the gateway sent exactly this request".
 *
 * It is bound to the request: the subgraph it is for (audience), method, path and the body itself
 * (the MAC covers the body bytes), and it expires within seconds. A captured header is therefore
 * worthless for any other operation, variables or subgraph; replaying the identical request within
 * its lifetime is what remains (TLS between gateway and subgraphs keeps it from being captured).
 */
export const GATEWAY_TOKEN_HEADER = 'x-mosaic-gateway';
const VERSION = 'v2';
/** How long a signed request stays valid. */
export const GATEWAY_TOKEN_LIFETIME_SECONDS = 30;
/** Clock difference tolerated between the gateway and a subgraph. */
const CLOCK_SKEW_SECONDS = 10;

export interface GatewaySignedRequest {
  method: string;
  /** Path and query string, as the subgraph sees them in `req.url`. */
  path: string;
  body: string;
}

function mac(secret: string, audience: string, expiresAt: number, request: GatewaySignedRequest): string {
  return createHmac('sha256', secret)
    .update(`${VERSION}\n${expiresAt}\n${audience}\n${request.method.toUpperCase()}\n${request.path}\n`)
    .update(request.body)
    .digest('base64url');
}

export function signGatewayRequest(secret: string, audience: string, request: GatewaySignedRequest, now = Date.now()): string {
  const expiresAt = Math.floor(now / 1000) + GATEWAY_TOKEN_LIFETIME_SECONDS;
  return `${VERSION}.${expiresAt}.${mac(secret, audience, expiresAt, request)}`;
}

export function verifyGatewayRequest(secret: string, audience: string, token: string | undefined, request: GatewaySignedRequest, now = Date.now()): boolean {
  if (!token) return false;
  const [version, expiry, signature, extra] = token.split('.');
  if (version !== VERSION || !expiry || !signature || extra !== undefined || !/^\d{1,12}$/.test(expiry)) return false;
  const expiresAt = Number(expiry);
  const seconds = Math.floor(now / 1000);
  if (expiresAt < seconds - CLOCK_SKEW_SECONDS || expiresAt > seconds + GATEWAY_TOKEN_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) return false;
  const expected = Buffer.from(mac(secret, audience, expiresAt, request));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Signs requests for one subgraph (the audience). */
export type GatewayRequestSigner = (request: GatewaySignedRequest) => string;

export const gatewayRequestSigner =
  (secret: string) =>
  (audience: string): GatewayRequestSigner =>
  (request) =>
    signGatewayRequest(secret, audience, request);

/**
 * Shared upstream subscriptions carry the gateway's identity, not a subscriber's access token
 * (which expires while the stream lives on). For each subscription the gateway vouches: "I
 * admitted this viewer to exactly this operation" — signed for the owning subgraph, bound to the
 * operation text, name and variables, valid for a minute and re-signed on every reconnect. The
 * subgraph then runs the subscription as that viewer (its own authorization checks included); the
 * gateway keeps each subscriber authorized by admission and periodic re-admission.
 */
export const SUBSCRIPTION_VOUCH_EXTENSION = 'mosaicGatewayVouch';
const VOUCH_LIFETIME_SECONDS = 60;

export interface VouchedOperation {
  query: string;
  operationName?: string | null | undefined;
  variables?: Readonly<Record<string, unknown>> | null | undefined;
}

interface VouchClaims {
  aud: string;
  exp: number;
  /** The viewer as claims: every field of `Viewer`, scopes as a list. */
  viewer: (Omit<Viewer, 'scopes'> & { scopes: string[] }) | null;
}

function vouchMac(secret: string, claims: string, operation: VouchedOperation): string {
  return createHmac('sha256', secret)
    .update(`vouch.${VERSION}\n${claims}\n${operation.operationName ?? ''}\n${JSON.stringify(operation.variables ?? {})}\n`)
    .update(operation.query)
    .digest('base64url');
}

export function signSubscriptionVouch(secret: string, audience: string, viewer: Viewer | null, operation: VouchedOperation, now = Date.now()): string {
  const claims: VouchClaims = {
    aud: audience,
    exp: Math.floor(now / 1000) + VOUCH_LIFETIME_SECONDS,
    viewer: viewer && { ...viewer, scopes: [...viewer.scopes] },
  };
  const encoded = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${encoded}.${vouchMac(secret, encoded, operation)}`;
}

/** The vouched viewer (null = anonymous), or undefined when the vouch is not valid for this operation here and now. */
export function verifySubscriptionVouch(secret: string, audience: string, vouch: unknown, operation: VouchedOperation, now = Date.now()): { viewer: Viewer | null } | undefined {
  if (typeof vouch !== 'string') return undefined;
  const [encoded, signature, extra] = vouch.split('.');
  if (!encoded || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(vouchMac(secret, encoded, operation));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  const claims = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as VouchClaims;
  const seconds = Math.floor(now / 1000);
  if (claims.aud !== audience || claims.exp < seconds - CLOCK_SKEW_SECONDS || claims.exp > seconds + VOUCH_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) return undefined;
  const viewer = claims.viewer && { ...claims.viewer, scopes: new Set(claims.viewer.scopes) };
  return { viewer };
}
