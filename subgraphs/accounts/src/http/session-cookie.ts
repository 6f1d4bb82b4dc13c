import type { IncomingMessage } from 'node:http';
import { AppError, BodyTooLargeError, encodeId, readBody, sendJson, type RequestHandler, type Routes } from '@mosaic/kit';
import type { Context } from '../context';
import { login } from '../domain/login';
import { register } from '../domain/register';
import { endSession, refreshSession, type Session } from '../domain/sessions';
import { completeLogin } from '../domain/two-factor/challenge';
import { browserClient } from '../oauth/client-address';

/**
 * The first-party web app's refresh token as an httpOnly cookie, so script in the page can never
 * read it. Three POST endpoints under one path, which is also the cookie's Path (the browser sends
 * the cookie to nothing else):
 *
 * - `POST /auth/session` `{ "refreshToken": … }`: right after login / register / completeLogin,
 *   the app hands over the refresh token it was given; it is rotated at once (the given one stops
 *   working) and the new one is set as the cookie — the app keeps none.
 * - `POST /auth/session/refresh`: rotates the cookie's token, sets the new one, answers a new
 *   access token.
 * - `POST /auth/session/logout`: ends the session and clears the cookie.
 * - `POST /auth/session/login` `{ email, password }`, `POST /auth/session/complete-login`
 *   `{ challenge, code }` and `POST /auth/session/register` `{ email, password, displayName? }`:
 *   the sign-ins of the GraphQL mutations of those names, whose refresh token goes straight into
 *   the cookie — it never reaches the page at all. Their errors are the mutations' (the code with
 *   its extensions, e.g. SECOND_FACTOR_REQUIRED with the `challenge`).
 *
 * Answers are `{ accessToken, accessTokenExpiresAt, user }` (no refresh token) or
 * `{ error: CODE, message }`. The GraphQL mutations (`refreshSession(refreshToken:)`, `logout`)
 * stay for every other client.
 *
 * CSRF: the cookie is `SameSite=Strict` (never sent from another site's page); on top of that a
 * request must carry `X-Mosaic-Session: 1` with a JSON content type — a cross-origin page cannot
 * send either without a CORS preflight, which these paths never grant — and, when the browser says
 * where it comes from (`Origin`, `Sec-Fetch-Site`), that must be this origin.
 */
export const SESSION_COOKIE_PATH = '/auth/session';
export const SESSION_COOKIE_NAME = 'mosaic_refresh';
export const SESSION_CSRF_HEADER = 'x-mosaic-session';
const BODY_LIMIT = 4096;

export type SessionCookieContext = Pick<Context, 'db' | 'loaders' | 'keys' | 'tokenSettings' | 'now' | 'signedIn' | 'client' | 'fieldCipher' | 'signUpMode' | 'mailer' | 'log' | 'events'>;

export interface SessionCookieOptions {
  /** A fresh per-request context for the domain functions (loaders are per request). */
  context: (client: Context['client']) => SessionCookieContext;
  /** Proxies in front of accounts' public paths (OAUTH_TRUST_PROXY_HOPS): whose X-Forwarded-* to believe. */
  trustedProxyHops: number;
}

export function sessionCookieRoutes(options: SessionCookieOptions): Routes {
  const handle =
    (action: (ctx: SessionCookieContext, req: IncomingMessage) => Promise<Session | null>): RequestHandler =>
    async (req, res) => {
      const refusal = refuseCrossSite(req);
      if (refusal) return sendJson(res, refusal.status, { error: refusal.code, message: refusal.message }, NO_STORE);
      const ctx = options.context(browserClient(req, options.trustedProxyHops));
      try {
        const session = await action(ctx, req);
        if (!session) {
          res.writeHead(204, { ...NO_STORE, 'set-cookie': cookie(req, options.trustedProxyHops, '', 0) });
          return void res.end();
        }
        const maxAge = Math.max(0, Math.floor((session.refreshTokenExpiresAt.getTime() - ctx.now().getTime()) / 1000));
        sendJson(res, 200, sessionJson(session), { ...NO_STORE, 'set-cookie': cookie(req, options.trustedProxyHops, session.refreshToken, maxAge) });
      } catch (error) {
        if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: 'BAD_USER_INPUT', message: 'The request body is too large.' }, NO_STORE);
        if (!(error instanceof AppError)) throw error;
        // A refused token is of no further use: clear it, so the browser stops sending it.
        const unauthenticated = error.code === 'UNAUTHENTICATED';
        const headers: Record<string, string> = unauthenticated ? { ...NO_STORE, 'set-cookie': cookie(req, options.trustedProxyHops, '', 0) } : { ...NO_STORE };
        // The error's extensions too (a sign-in's SECOND_FACTOR_REQUIRED carries its challenge there).
        const extensions = Object.fromEntries(Object.entries(error.extensions).filter(([key]) => key !== 'code'));
        sendJson(res, unauthenticated ? 401 : 400, { ...extensions, error: error.code, message: error.message }, headers);
      }
    };
  return {
    [SESSION_COOKIE_PATH]: handle(async (ctx, req) => refreshSession(ctx, await refreshTokenInBody(req))),
    [`${SESSION_COOKIE_PATH}/refresh`]: handle((ctx, req) => refreshSession(ctx, cookieToken(req))),
    [`${SESSION_COOKIE_PATH}/login`]: handle(async (ctx, req) => login(ctx, await jsonBody(req))),
    [`${SESSION_COOKIE_PATH}/complete-login`]: handle(async (ctx, req) => completeLogin(ctx, await jsonBody(req))),
    [`${SESSION_COOKIE_PATH}/register`]: handle(async (ctx, req) => register(ctx, await jsonBody(req))),
    [`${SESSION_COOKIE_PATH}/logout`]: handle(async (ctx, req) => {
      const token = readCookie(req);
      if (token) await endSession(ctx, token);
      return null;
    }),
  };
}

const NO_STORE = { 'cache-control': 'no-store' } as const;

class MissingSessionError extends AppError {
  readonly code = 'UNAUTHENTICATED';
  constructor() {
    super('There is no session cookie: sign in again.', {}, 'UNAUTHENTICATED');
  }
}

class BadRequestError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  constructor(message: string) {
    super(message, {}, 'BAD_USER_INPUT');
  }
}

function sessionJson(session: Session) {
  return {
    accessToken: session.accessToken,
    accessTokenExpiresAt: session.accessTokenExpiresAt.toISOString(),
    // The same shape as GraphQL's AuthPayload.user (roles are the Role enum's names).
    user: { id: encodeId('User', session.user.id), email: session.user.email, displayName: session.user.displayName, roles: session.user.roles.map((role) => role.toUpperCase()) },
  };
}

function refuseCrossSite(req: IncomingMessage): { status: number; code: string; message: string } | null {
  if (req.method !== 'POST') return { status: 405, code: 'BAD_USER_INPUT', message: `Use POST for ${SESSION_COOKIE_PATH}.` };
  if (req.headers[SESSION_CSRF_HEADER] !== '1' || !String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return { status: 403, code: 'FORBIDDEN', message: `Send "${SESSION_CSRF_HEADER}: 1" and "content-type: application/json" (cross-site requests are refused).` };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return { status: 403, code: 'FORBIDDEN', message: 'Cross-site requests are refused.' };
  const origin = req.headers.origin;
  if (origin !== undefined && hostOf(origin) !== req.headers.host) return { status: 403, code: 'FORBIDDEN', message: 'Cross-origin requests are refused.' };
  return null;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** A JSON object body; the domain function validates its fields as the mutation's input. */
async function jsonBody(req: IncomingMessage, shape = '{ … } with the fields of the mutation\'s input'): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req, BODY_LIMIT));
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw error;
    throw new BadRequestError(`The body must be JSON: ${shape}.`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequestError(`The body must be a JSON object: ${shape}.`);
  return body as Record<string, unknown>;
}

async function refreshTokenInBody(req: IncomingMessage): Promise<string> {
  const body = await jsonBody(req, '{ "refreshToken": "…" }');
  const token = (body as { refreshToken?: unknown } | null)?.refreshToken;
  if (typeof token !== 'string' || token.length === 0) throw new BadRequestError('refreshToken must be the token returned by login, register or completeLogin.');
  return token;
}

function readCookie(req: IncomingMessage): string | null {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE_NAME) return decodeURIComponent(value.join('=')) || null;
  }
  return null;
}

function cookieToken(req: IncomingMessage): string {
  const token = readCookie(req);
  if (!token) throw new MissingSessionError();
  return token;
}

/**
 * `Secure` everywhere except plain http on this machine (localhost, 127.0.0.1, ::1), where a
 * browser would drop a Secure cookie sent over http by anything but Chromium.
 */
function cookie(req: IncomingMessage, trustedProxyHops: number, value: string, maxAgeSeconds: number): string {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const forwardedProto = trustedProxyHops > 0 ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() : undefined;
  const https = forwardedProto === 'https' || ('encrypted' in req.socket && req.socket.encrypted === true);
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(host);
  const secure = https || !local;
  return [`${SESSION_COOKIE_NAME}=${encodeURIComponent(value)}`, `Path=${SESSION_COOKIE_PATH}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}
