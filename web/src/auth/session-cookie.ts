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
  if (!response.ok || !json?.accessToken) throw new RequestError(json?.message ?? `The server answered ${response.status}.`, json?.error ?? 'BAD_RESPONSE');
  return json as CookieSession;
}

/** Right after sign-in: the refresh token GraphQL handed out becomes the cookie (rotated, so the one in memory is spent). */
export const adoptIntoCookie = async (refreshToken: string) => (await call('', { refreshToken }))!;
/** A new access token from the cookie (which rotates). */
export const refreshFromCookie = async () => (await call('/refresh'))!;
/** Ends the session and clears the cookie. */
export const endCookieSession = () => call('/logout').then(() => undefined);
