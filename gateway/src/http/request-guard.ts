import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type GraphQLRequestParams, type TokenVerifier, type Viewer } from '@mosaic/kit';
import { clientAddressOf, type TrustedProxies } from './client-address';
import type { RateLimitDecision, RateLimiter } from './rate-limiter';
import type { TrustedDocuments } from './trusted-documents';

export interface RateLimits {
  limiter: RateLimiter;
  /** Requests per minute per client address; 0 turns the limit off. */
  perIp: number;
  /** Requests per minute per signed-in user; 0 turns the limit off. */
  perUser: number;
}

export interface GuardOptions {
  rateLimits: RateLimits;
  trustedDocuments: TrustedDocuments;
  trustedProxies: TrustedProxies;
  verifier: TokenVerifier;
}

/** Who sent an operation, however it arrived. */
export interface Client {
  address: string;
  viewer: Viewer | null;
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
  retryAfterSeconds?: number;
}

export type Admission = { params: GraphQLRequestParams; rateLimit: RateLimitDecision | null } | { refused: Refusal; rateLimit: RateLimitDecision | null };

/**
 * The one policy every client operation passes before it is planned — over HTTP (GET and POST)
 * and over graphql-ws (queries, mutations and subscriptions alike): per-address and per-user rate
 * limits, then trusted documents. Operation limits (depth, aliases, …) are validation rules, run
 * by both transports' validation.
 */
export function createRequestGuard(options: GuardOptions) {
  const { rateLimits, trustedDocuments } = options;
  const viewers = new WeakMap<IncomingMessage, Viewer | null>();
  const addressOf = clientAddressOf(options.trustedProxies);

  /** Counts one request against the client's budgets; reports the tightest (the one hit first). */
  async function hit(client: Client): Promise<RateLimitDecision | null> {
    const decisions: RateLimitDecision[] = [];
    if (rateLimits.perIp > 0) decisions.push(await rateLimits.limiter.hit(`ip:${client.address}`, rateLimits.perIp, 60));
    if (rateLimits.perUser > 0 && client.viewer) decisions.push(await rateLimits.limiter.hit(`user:${client.viewer.userId}`, rateLimits.perUser, 60));
    return decisions.sort((a, b) => (a.allowed === b.allowed ? a.remaining - b.remaining : a.allowed ? 1 : -1))[0] ?? null;
  }

  async function admit(client: Client, params: GraphQLRequestParams): Promise<Admission> {
    const rateLimit = await hit(client);
    if (rateLimit && !rateLimit.allowed) return { refused: tooMany(rateLimit), rateLimit };
    const resolved = trustedDocuments.resolve(params);
    if ('refused' in resolved) return { refused: { status: 400, ...resolved.refused }, rateLimit };
    return { params: resolved.params, rateLimit };
  }

  async function viewerOf(req: IncomingMessage): Promise<Viewer | null> {
    if (!viewers.has(req)) viewers.set(req, await options.verifier.viewerFromHeader(req.headers.authorization).catch(() => null));
    return viewers.get(req) ?? null;
  }

  return {
    admit,
    /** A WebSocket upgrade counts against the address's budget like any request. */
    hit,
    addressOf,
    /** The viewer this guard verified for `req`, if it did (avoids a second verification). */
    rememberedViewer: (req: IncomingMessage) => (viewers.has(req) ? viewers.get(req) : undefined),
    /** graphqlHandler's `before`: RateLimit-* headers on every answer, 429 / 400 when refused. */
    async before(req: IncomingMessage, params: GraphQLRequestParams, res: ServerResponse): Promise<{ params: GraphQLRequestParams } | { handled: true }> {
      const admission = await admit({ address: addressOf(req), viewer: rateLimits.perUser > 0 ? await viewerOf(req) : null }, params);
      const { rateLimit } = admission;
      if (rateLimit) {
        res.setHeader('RateLimit-Limit', rateLimit.limit);
        res.setHeader('RateLimit-Remaining', rateLimit.remaining);
        res.setHeader('RateLimit-Reset', rateLimit.resetSeconds);
      }
      if ('params' in admission) return { params: admission.params };
      const { status, code, message, retryAfterSeconds } = admission.refused;
      if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', retryAfterSeconds);
      sendJson(res, status, { errors: [{ message, extensions: { code, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) } }] });
      return { handled: true };
    },
  };
}

export type RequestGuard = ReturnType<typeof createRequestGuard>;

export function tooMany(decision: RateLimitDecision): Refusal {
  return { status: 429, code: 'RATE_LIMITED', message: `Too many requests. Try again in ${decision.resetSeconds} s.`, retryAfterSeconds: decision.resetSeconds };
}
