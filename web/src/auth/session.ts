import { useSyncExternalStore } from 'react';
import { RequestError } from './graphql-request';
import { completeLoginIntoCookie, endCookieSession, loginIntoCookie, refreshFromCookie, registerIntoCookie, type CookieSession } from './session-cookie';

/**
 * Where the tokens live (see web/README.md):
 * - the access token (15 minutes) only in this module's memory — never in storage;
 * - the refresh token in an httpOnly, SameSite=Strict cookie that accounts sets on `/auth/session`
 *   (session-cookie.ts): sign-in, two-factor completion and registration go to `/auth/session/*`,
 *   which set the cookie themselves, so script on the page never holds a refresh token at all.
 *   It rotates on every refresh and is cleared on sign-out.
 *   Refreshes are serialised across tabs with the Web Locks API, so two tabs never spend the same
 *   cookie. localStorage keeps only a marker that a session exists (`mosaic.session`), so a reload
 *   knows to restore it and other tabs see a sign-out.
 */
const SESSION_KEY = 'mosaic.session';
const LOCK = 'mosaic.session-refresh';
/** Refresh this long before the access token expires: a minute, or a fifth of a short lifetime. */
const REFRESH_AHEAD_MS = 60_000;
const refreshDelay = (expiresAt: string) => {
  const left = Date.parse(expiresAt) - Date.now();
  return Math.max(1_000, left - Math.min(REFRESH_AHEAD_MS, left / 5));
};

export interface Viewer {
  id: string;
  email: string | null;
  displayName: string;
  roles: readonly string[];
}

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; notice?: string }
  | { status: 'signed-in'; viewer: Viewer };

type Listener = () => void;

let state: SessionState = localStorage.getItem(SESSION_KEY) ? { status: 'restoring' } : { status: 'signed-out' };
let accessToken: string | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<string | null> | null = null;
const listeners = new Set<Listener>();
const tokenListeners = new Set<Listener>();

function setState(next: SessionState) {
  state = next;
  for (const listener of listeners) listener();
}

function adoptCookieSession(session: CookieSession) {
  const userChanged = state.status !== 'signed-in' || state.viewer.id !== session.user.id;
  accessToken = session.accessToken;
  localStorage.setItem(SESSION_KEY, 'cookie');
  clearTimeout(refreshTimer);
  // A network failure here is retried by the next request's UNAUTHENTICATED answer.
  refreshTimer = setTimeout(() => void refreshAccessToken().catch(() => undefined), refreshDelay(session.accessTokenExpiresAt));
  for (const listener of tokenListeners) listener();
  if (userChanged) setState({ status: 'signed-in', viewer: { id: session.user.id, email: session.user.email ?? null, displayName: session.user.displayName, roles: session.user.roles ?? [] } });
}

/** A new access token for the same session (enabling two-factor hands one out). */
export function adoptAccessToken(token: string, expiresAt: string): void {
  accessToken = token;
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refreshAccessToken().catch(() => undefined), refreshDelay(expiresAt));
  for (const listener of tokenListeners) listener();
}

function forget(notice?: string) {
  accessToken = null;
  clearTimeout(refreshTimer);
  localStorage.removeItem(SESSION_KEY);
  for (const listener of tokenListeners) listener();
  setState(notice ? { status: 'signed-out', notice } : { status: 'signed-out' });
}

export const session = {
  get state() {
    return state;
  },
  get accessToken() {
    return accessToken;
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Called whenever the access token changes (the WebSocket reconnects with the new one). */
  onTokenChange(listener: Listener) {
    tokenListeners.add(listener);
    return () => tokenListeners.delete(listener);
  },
};

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, () => state);
}

export type SignInOutcome = { kind: 'signed-in' } | { kind: 'second-factor'; challenge: string };

export async function signIn(email: string, password: string): Promise<SignInOutcome> {
  try {
    adoptCookieSession(await loginIntoCookie(email, password));
    return { kind: 'signed-in' };
  } catch (error) {
    if (error instanceof RequestError && error.code === 'SECOND_FACTOR_REQUIRED' && typeof error.extensions.challenge === 'string') {
      return { kind: 'second-factor', challenge: error.extensions.challenge };
    }
    throw error;
  }
}

export async function completeSignIn(challenge: string, code: string): Promise<void> {
  adoptCookieSession(await completeLoginIntoCookie(challenge, code));
}

export async function register(email: string, password: string, displayName: string): Promise<void> {
  adoptCookieSession(await registerIntoCookie(email, password, displayName || null));
}

export async function signOut(): Promise<void> {
  const hadSession = localStorage.getItem(SESSION_KEY) !== null;
  forget();
  if (hadSession) await endCookieSession().catch(() => undefined);
}

/**
 * A new access token from the session cookie (one refresh at a time, in this tab and across tabs);
 * null when the session is over — then the viewer is signed out with a notice.
 */
export function refreshAccessToken(): Promise<string | null> {
  inFlight ??= withLock(async () => {
    if (!localStorage.getItem(SESSION_KEY)) {
      if (state.status !== 'signed-out') forget('Your session ended. Sign in again.');
      return null;
    }
    try {
      const refreshed = await refreshFromCookie();
      adoptCookieSession(refreshed);
      return refreshed.accessToken;
    } catch (error) {
      // A network problem is not the end of a session: keep the cookie and try later.
      if (error instanceof RequestError && error.code === 'NETWORK') throw error;
      forget('Your session ended. Sign in again.');
      return null;
    }
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

function withLock<T>(task: () => Promise<T>): Promise<T> {
  // The lock's promise resolves to the task's promise; then() flattens it.
  return typeof navigator.locks?.request === 'function' ? navigator.locks.request(LOCK, task).then((result) => result) : task();
}

/** On load: the session cookie (when the marker says there is one) becomes a session, or is dropped. */
export function restoreSession(): void {
  if (state.status === 'restoring') void refreshAccessToken().catch(() => setState({ status: 'signed-out', notice: 'The server cannot be reached. Reload to try again.' }));
}

// Another tab signed out: follow it.
window.addEventListener('storage', (event) => {
  if (event.key === SESSION_KEY && event.newValue === null && state.status === 'signed-in') forget('You signed out in another tab.');
});
