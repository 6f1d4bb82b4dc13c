import { createHash, randomBytes } from 'node:crypto';

/**
 * What a third-party app and its user's browser do in the authorization code flow, over real HTTP
 * with cookies (no browser: forms are posted as a browser would post them). The real-browser test
 * (subgraphs/accounts/test/oauth-browser.e2e.ts) drives the same pages in Chromium.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expired = attributes.some((a) => a.toLowerCase().startsWith('expires=') && new Date(a.slice(8)).getTime() < Date.now());
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }

  headerFor(url: string): string {
    const path = new URL(url).pathname;
    return [...this.cookies]
      .filter(([, cookie]) => path.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }
}

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function newPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export class BrowserlessUser {
  readonly jar = new CookieJar();
  constructor(private readonly origin: string) {}

  /** GET/POST without following redirects, keeping cookies. */
  async request(url: string, form?: Record<string, string>): Promise<Response> {
    const absolute = new URL(url, this.origin).toString();
    const response = await fetch(absolute, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: this.jar.headerFor(absolute),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    this.jar.store(response);
    return response;
  }

  /** Follows redirects within the authorization server; stops at a page or at a redirect elsewhere. */
  async follow(response: Response): Promise<{ page?: string; status: number; redirectedTo?: string; url: string }> {
    let current = response;
    let url = current.url;
    for (let hops = 0; hops < 10; hops++) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) return { page: await current.text(), status: current.status, url };
      const next = new URL(location, url).toString();
      if (!next.startsWith(this.origin)) return { redirectedTo: next, status: current.status, url };
      url = next;
      current = await this.request(next);
    }
    throw new Error('Too many redirects');
  }
}

export const csrfOf = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
export const formAction = (page: string, step: string) => new RegExp(`action="(/interaction/[\\w-]+/${step})"`).exec(page)?.[1];
export const hiddenValue = (page: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(page)?.[1] ?? '';

export interface AuthorizeOptions {
  clientId: string;
  redirectUri: string;
  scope: string;
  pkce?: Pkce | null;
  state?: string;
}

export function authorizeUrl(issuer: string, options: AuthorizeOptions): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: options.scope,
    state: options.state ?? 'state-123',
    nonce: 'nonce-456',
    ...(options.pkce ? { code_challenge: options.pkce.challenge, code_challenge_method: 'S256' } : {}),
  });
  if (options.scope.includes('offline_access')) params.set('prompt', 'consent');
  return `${issuer}/auth?${params}`;
}

export async function tokenRequest(issuer: string, params: Record<string, string>, basic?: { id: string; secret: string }) {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(basic ? { authorization: `Basic ${Buffer.from(`${encodeURIComponent(basic.id)}:${encodeURIComponent(basic.secret)}`).toString('base64')}` } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

export interface ResourceOwner {
  email: string;
  password: string;
  /** A current TOTP code, when the account has two-factor on. */
  code?: () => string;
}

/**
 * A user's browser through accounts' pages: login (and the code step), then consent (or deny).
 * Returns the URL the app is sent back to (with `code`, or `error`).
 */
export async function authorizeAsUser(origin: string, issuer: string, options: AuthorizeOptions, who: ResourceOwner, consent: 'allow' | 'deny' = 'allow'): Promise<URL> {
  const browser = new BrowserlessUser(origin);
  const expectPage = (step: { page?: string }, text: string) => {
    if (!step.page?.includes(text)) throw new Error(`Expected a page with "${text}", got: ${step.page?.slice(0, 400) ?? '(a redirect)'}`);
    return step.page;
  };
  let step = await browser.follow(await browser.request(authorizeUrl(issuer, options)));
  if (step.redirectedTo) return new URL(step.redirectedTo);
  let page = expectPage(step, 'Sign in to continue to');
  step = await browser.follow(await browser.request(formAction(page, 'login')!, { csrf: csrfOf(page), email: who.email, password: who.password }));
  if (who.code) {
    page = expectPage(step, 'Enter your code');
    step = await browser.follow(await browser.request(formAction(page, 'code')!, { csrf: csrfOf(page), challenge: hiddenValue(page, 'challenge'), code: who.code() }));
  }
  if (step.redirectedTo) return new URL(step.redirectedTo);
  page = expectPage(step, 'wants to access your Mosaic account');
  step = await browser.follow(await browser.request(formAction(page, consent === 'allow' ? 'consent' : 'abort')!, { csrf: csrfOf(page) }));
  if (!step.redirectedTo) throw new Error(`Expected a redirect to the app, got: ${step.page?.slice(0, 400)}`);
  return new URL(step.redirectedTo);
}
