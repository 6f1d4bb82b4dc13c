import { RequestError } from './graphql-request';

/**
 * Accounts' cookie endpoints (`/auth/session`, see subgraphs/accounts/src/http/session-cookie.ts):
 * the refresh token lives in an httpOnly, SameSite=Strict cookie scoped to that path, which no
 * script on the page can read. The custom header is the endpoints' CSRF check.
 */
const BASE = new URL('/auth/session', window.location.href).href;

export interface CookieSession {
  accessToken: string;
  accessTokenExpiresAt: string;
  user: { id: string; email: string | null; displayName: string; roles: string[] | null };
}

async function call(path: string, body?: unknown): Promise<CookieSession | null> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-mosaic-session': '1' },
      body: JSON.stringify(body ?? {}),
    });
  } catch {
    throw new RequestError('The server cannot be reached. Check your connection and try again.', 'NETWORK');
  }
  if (response.status === 204) return null;
  const json = (await response.json().catch(() => null)) as (Partial<CookieSession> & { error?: string; message?: string }) | null;
  // An error's extensions come beside `error` (SECOND_FACTOR_REQUIRED carries its `challenge`).
  if (!response.ok || !json?.accessToken) throw new RequestError(json?.message ?? `The server answered ${response.status}.`, json?.error ?? 'BAD_RESPONSE', json ?? {});
  return json as CookieSession;
}

/**
 * Sign-ins whose refresh token goes straight into the cookie: the page gets the access token and
 * the user, never a refresh token. Errors are the GraphQL mutations' (login, completeLogin, register).
 */
export const loginIntoCookie = async (email: string, password: string) => (await call('/login', { email, password }))!;
export const completeLoginIntoCookie = async (challenge: string, code: string) => (await call('/complete-login', { challenge, code }))!;
export const registerIntoCookie = async (email: string, password: string, displayName: string | null) => (await call('/register', { email, password, displayName }))!;
/** A new access token from the cookie (which rotates). */
export const refreshFromCookie = async () => (await call('/refresh'))!;
/** Ends the session and clears the cookie. */
export const endCookieSession = () => call('/logout').then(() => undefined);
