import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, type Db, type Logger, type RequestHandler } from '@mosaic/kit';
import { reserveVisit } from '../../data/links-repo';
import { CODE_PATTERN, codeKeyOf } from '../codes';
import { stateOf } from '../link-state';
import type { RawVisit } from '../visits/visit-facts';
import type { VisitRecorder } from '../visits/visit-recorder';
import { anonymisedNetwork } from '../visits/network';
import type { CachedLink, LinkCache } from './link-cache';
import { gonePage, notFoundPage, passwordPage, sendPage } from './pages';
import type { PasswordGate } from './password-gate';
import { qrOptions, type QrCodes } from './qr-codes';

export interface RedirectDeps {
  cache: LinkCache;
  visits: VisitRecorder;
  passwords: PasswordGate;
  qrCodes: QrCodes;
  db: Db;
  log: Logger;
  now: () => Date;
  publicUrl: string;
  /** Take the visitor's address from X-Forwarded-For (behind the gateway's forwarding or an ingress). */
  trustProxy: boolean;
}

type FoundLink = Extract<CachedLink, { found: true }>;

const PATH_MAX = 200;
const DONE: Promise<void> = Promise.resolve();
const PASSWORD_BODY_MAX = 4096;

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

function addressOf(req: IncomingMessage, trustProxy: boolean): string | null {
  if (trustProxy) {
    const first = header(req.headers['x-forwarded-for'])?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? null;
}

/**
 * The public side of links: `GET|HEAD /<code>` redirects (301/302 per link) from the cache with
 * no database round trip — except for links with a visit limit, whose visit is counted first in
 * one conditional UPDATE so the limit holds exactly; `POST /<code>` takes a protected link's
 * password; `GET /<code>/qr` draws its QR code. Unknown, expired, exhausted and disabled codes get
 * a 404 or 410 page. Visits (and orphan visits: unknown codes) are only queued here.
 */
export function redirectHandler(deps: RedirectDeps): RequestHandler {
  const rawVisit = (req: IncomingMessage, at: number): RawVisit => ({
    at,
    address: addressOf(req, deps.trustProxy),
    userAgent: header(req.headers['user-agent']),
    referer: header(req.headers.referer),
  });

  const orphan = (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    deps.visits.record({ kind: 'orphan', path: path.slice(0, PATH_MAX), raw: rawVisit(req, deps.now().getTime()) });
    notFoundPage(res, req.method);
    return DONE;
  };

  /** The redirect itself; `counted` when a limited link's visit was already added to its count. */
  const redirect = (req: IncomingMessage, res: ServerResponse, link: FoundLink, status: number, at: number, counted: boolean) => {
    deps.visits.record({ kind: 'link', linkId: link.id, counted, raw: rawVisit(req, at) });
    // `no-cache`: browsers ask again on every visit, so every visit is seen (and counted).
    res.writeHead(status, { location: link.target, 'cache-control': 'private, no-cache', 'x-robots-tag': 'noindex' });
    res.end();
  };

  /** A link with a visit limit: its visit is counted in the database first, so the limit holds exactly. */
  async function redirectCounted(req: IncomingMessage, res: ServerResponse, link: FoundLink, status: number, at: number): Promise<void> {
    if ((await reserveVisit(deps.db, link.id)) === null) return gonePage(res, 'EXHAUSTED', req.method);
    redirect(req, res, link, status, at, true);
  }

  const follow = (req: IncomingMessage, res: ServerResponse, link: FoundLink, status: number, at: number): Promise<void> => {
    if (link.maxVisits !== null) return redirectCounted(req, res, link, status, at);
    redirect(req, res, link, status, at, false);
    return DONE;
  };

  async function unlock(req: IncomingMessage, res: ServerResponse, link: FoundLink & { passwordHash: string }, at: number): Promise<void> {
    if (req.method !== 'POST') return passwordPage(res, req.method);
    const network = anonymisedNetwork(addressOf(req, deps.trustProxy)) ?? 'unknown';
    if (deps.passwords.blocked(link.id, network)) {
      return passwordPage(res, req.method, { status: 429, message: 'Too many wrong passwords. Wait a quarter of an hour and try again.' });
    }
    let password: string | null;
    try {
      password = new URLSearchParams(await readBody(req, PASSWORD_BODY_MAX)).get('password');
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      password = null;
    }
    if (!password || !(await deps.passwords.check(link.id, network, link.passwordHash, password))) {
      return passwordPage(res, req.method, { status: 401, message: 'That password is not right.' });
    }
    // 303: the browser follows a form submission's answer with a GET.
    await follow(req, res, link, 303, at);
  }

  async function qr(req: IncomingMessage, res: ServerResponse, code: string, query: URLSearchParams): Promise<void> {
    const link = deps.cache.peek(codeKeyOf(code)) ?? (await deps.cache.get(codeKeyOf(code)));
    if (!link.found) return notFoundPage(res, req.method);
    const options = qrOptions(query);
    if (!options.ok) return sendPage(res, 400, 'Bad QR code request', `<p>${options.problem}.</p>`, req.method);
    const image = await deps.qrCodes.of(`${deps.publicUrl}/${encodeURIComponent(code)}`, options.format, options.size);
    res.writeHead(200, {
      'content-type': options.format === 'png' ? 'image/png' : 'image/svg+xml',
      'content-length': image.length,
      'cache-control': 'public, max-age=86400',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : image);
  }

  const answer = (req: IncomingMessage, res: ServerResponse, path: string, link: CachedLink): Promise<void> => {
    if (!link.found) return orphan(req, res, path);
    const at = deps.now().getTime();
    const state = stateOf({ disabled: link.disabled, expiresAt: link.expiresAt, maxVisits: null }, at);
    if (state !== 'ACTIVE') {
      gonePage(res, state, req.method);
      return DONE;
    }
    if (link.passwordHash !== null) return unlock(req, res, { ...link, passwordHash: link.passwordHash }, at);
    if (req.method === 'POST') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return DONE;
    }
    return follow(req, res, link, link.status, at);
  };

  // Not async: a cached redirect is answered without a single promise of its own.
  return (req, res) => {
    const target = req.url ?? '/';
    const queryAt = target.indexOf('?');
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    const method = req.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
      res.writeHead(405, { allow: 'GET, HEAD, POST' });
      res.end();
      return DONE;
    }
    const slash = path.indexOf('/', 1);
    let code: string;
    try {
      code = decodeURIComponent(slash < 0 ? path.slice(1) : path.slice(1, slash));
    } catch {
      return orphan(req, res, path);
    }
    if (!CODE_PATTERN.test(code)) return orphan(req, res, path);
    if (slash >= 0) {
      if (path.slice(slash) === '/qr' && method !== 'POST') return qr(req, res, code, new URLSearchParams(queryAt < 0 ? '' : target.slice(queryAt + 1)));
      return orphan(req, res, path);
    }
    const key = codeKeyOf(code);
    const cached = deps.cache.peek(key);
    return cached ? answer(req, res, path, cached) : deps.cache.get(key).then((loaded) => answer(req, res, path, loaded));
  };
}
