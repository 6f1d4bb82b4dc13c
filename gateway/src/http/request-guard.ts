import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type TokenVerifier, type Viewer } from '@mosaic/kit';
import type { RateLimitDecision, RateLimiter } from './rate-limiter';
import type { TrustedDocuments } from './trusted-documents';

export interface RateLimits {
  limiter: RateLimiter;
  /** Requests per minute per client IP; 0 turns the limit off. */
  perIp: number;
  /** Requests per minute per signed-in user; 0 turns the limit off. */
  perUser: number;
  /** Take the client IP from X-Forwarded-For (behind a trusted proxy / ingress only). */
  trustProxy: boolean;
}

export interface GuardOptions {
  rateLimits: RateLimits;
  trustedDocuments: TrustedDocuments;
  verifier: TokenVerifier;
}

/**
 * What runs before a request reaches Apollo Server: per-IP and per-user rate limits (with
 * RateLimit-* headers on every response, 429 + RATE_LIMITED when over), then the trusted-documents
 * check. Viewers verified here are remembered for the request's context.
 */
export function createRequestGuard(options: GuardOptions) {
  const viewers = new WeakMap<IncomingMessage, Viewer | null>();
  const { rateLimits, trustedDocuments } = options;

  async function viewerOf(req: IncomingMessage): Promise<Viewer | null> {
    if (!viewers.has(req)) viewers.set(req, await options.verifier.viewerFromHeader(req.headers.authorization).catch(() => null));
    return viewers.get(req) ?? null;
  }

  async function checkRateLimits(req: IncomingMessage): Promise<RateLimitDecision | null> {
    const decisions: RateLimitDecision[] = [];
    if (rateLimits.perIp > 0) decisions.push(await rateLimits.limiter.hit(`ip:${clientIp(req, rateLimits.trustProxy)}`, rateLimits.perIp, 60));
    if (rateLimits.perUser > 0) {
      const viewer = await viewerOf(req);
      if (viewer) decisions.push(await rateLimits.limiter.hit(`user:${viewer.userId}`, rateLimits.perUser, 60));
    }
    // Report the tightest limit: the one a client will hit first.
    return decisions.sort((a, b) => (a.allowed === b.allowed ? a.remaining - b.remaining : a.allowed ? 1 : -1))[0] ?? null;
  }

  return {
    /** The viewer this guard verified for `req`, if it did (avoids a second verification). */
    rememberedViewer: (req: IncomingMessage) => (viewers.has(req) ? viewers.get(req) : undefined),
    async before(req: IncomingMessage, body: unknown, res: ServerResponse): Promise<{ body: unknown } | { handled: true }> {
      const decision = await checkRateLimits(req);
      if (decision) {
        res.setHeader('RateLimit-Limit', decision.limit);
        res.setHeader('RateLimit-Remaining', decision.remaining);
        res.setHeader('RateLimit-Reset', decision.resetSeconds);
        if (!decision.allowed) {
          res.setHeader('Retry-After', decision.resetSeconds);
          sendJson(res, 429, {
            errors: [{ message: `Too many requests. Try again in ${decision.resetSeconds} s.`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: decision.resetSeconds } }],
          });
          return { handled: true };
        }
      }
      const resolved = trustedDocuments.resolve(body);
      if ('refused' in resolved) {
        sendJson(res, 400, { errors: [{ message: resolved.refused.message, extensions: { code: resolved.refused.code } }] });
        return { handled: true };
      }
      return { body: resolved.body };
    },
  };
}

export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
