import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../src/index';
import { ME, REFRESH, REGISTER, startAccounts } from './harness';

let app: Awaited<ReturnType<typeof startAccounts>>;
beforeAll(async () => {
  app = await startAccounts();
});
afterAll(() => app.close());

const password = 'velvet-otter-lantern';
let n = 0;
async function registered(): Promise<{ refreshToken: string }> {
  const result = await app.call(REGISTER, { input: { email: `cookie${++n}.${Date.now()}@example.com`, password } });
  return { refreshToken: result.data!.register.refreshToken as string };
}

interface Answer {
  status: number;
  setCookie: string | undefined;
  body: Record<string, unknown> | null;
}

/** A POST as a browser on this origin sends it (node:http, so Host can be chosen). */
function post(path: string, options: { body?: unknown; cookie?: string; headers?: Record<string, string>; method?: string } = {}): Promise<Answer> {
  const url = new URL(path, app.url);
  const payload = options.body === undefined ? '' : JSON.stringify(options.body);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-mosaic-session': '1', origin: url.origin, 'sec-fetch-site': 'same-origin', ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers };
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, setCookie: res.headers['set-cookie']?.[0], body: text ? (JSON.parse(text) as Record<string, unknown>) : null }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** `mosaic_refresh=<value>` from a Set-Cookie header, as the browser would send it back. */
const cookieOf = (setCookie: string | undefined) => setCookie!.split(';')[0]!;

describe('the web app refresh cookie (/auth/session)', () => {
  it('takes the refresh token once, rotates it into an httpOnly SameSite=Strict cookie and answers an access token only', async () => {
    const { refreshToken } = await registered();
    const adopted = await post('/auth/session', { body: { refreshToken } });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({ accessToken: expect.any(String), accessTokenExpiresAt: expect.any(String), user: { id: expect.any(String), displayName: expect.any(String), roles: ['USER'] } });
    expect(adopted.body).not.toHaveProperty('refreshToken');
    const attributes = adopted.setCookie!.split('; ');
    expect(attributes[0]).toMatch(/^mosaic_refresh=.+/);
    expect(attributes).toEqual(expect.arrayContaining(['Path=/auth/session', 'HttpOnly', 'SameSite=Strict']));
    // Plain http on this machine: no Secure (the browser would drop it).
    expect(attributes).not.toContain('Secure');
    expect(decodeURIComponent(cookieOf(adopted.setCookie).split('=')[1]!)).not.toBe(refreshToken);
    // The access token works on the graph.
    const me = await app.call(ME, {}, adopted.body!.accessToken as string);
    expect(me.data?.me).toMatchObject({ id: (adopted.body!.user as { id: string }).id });
  });

  it('refreshes from the cookie, rotating it; a cookie used twice ends the session, like a reused refresh token', async () => {
    const { refreshToken } = await registered();
    const first = cookieOf((await post('/auth/session', { body: { refreshToken } })).setCookie);
    const refreshed = await post('/auth/session/refresh', { cookie: first });
    expect(refreshed.status).toBe(200);
    const second = cookieOf(refreshed.setCookie);
    expect(second).not.toBe(first);
    expect(await app.call(ME, {}, refreshed.body!.accessToken as string)).toMatchObject({ data: { me: { id: expect.any(String) } } });
    // The old cookie again (stolen and replayed): refused, cleared, and the whole sign-in is over.
    const replayed = await post('/auth/session/refresh', { cookie: first });
    expect(replayed.status).toBe(401);
    expect(replayed.body).toMatchObject({ error: 'UNAUTHENTICATED' });
    expect(replayed.setCookie).toMatch(/^mosaic_refresh=; Path=\/auth\/session; Max-Age=0/);
    expect((await post('/auth/session/refresh', { cookie: second })).status).toBe(401);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const { refreshToken } = await registered();
    const cookie = cookieOf((await post('/auth/session', { body: { refreshToken } })).setCookie);
    const out = await post('/auth/session/logout', { cookie });
    expect(out.status).toBe(204);
    expect(out.setCookie).toMatch(/Max-Age=0/);
    expect((await post('/auth/session/refresh', { cookie })).status).toBe(401);
  });

  it('keeps the GraphQL refreshSession mutation for other clients', async () => {
    const { refreshToken } = await registered();
    const result = await app.call(REFRESH, { t: refreshToken });
    expect(result.errors).toBeUndefined();
    expect(result.data!.refreshSession.refreshToken).toEqual(expect.any(String));
  });

  it('marks the cookie Secure on any host but this machine', async () => {
    const { refreshToken } = await registered();
    const adopted = await post('/auth/session', { body: { refreshToken }, headers: { host: 'mosaic.example.com', origin: 'https://mosaic.example.com' } });
    expect(adopted.status).toBe(200);
    expect(adopted.setCookie!.split('; ')).toContain('Secure');
  });

  it('refuses cross-site requests and bad input with a clear answer, changing nothing', async () => {
    const { refreshToken } = await registered();
    const cookie = cookieOf((await post('/auth/session', { body: { refreshToken } })).setCookie);
    const refusals = await Promise.all([
      post('/auth/session/refresh', { cookie, headers: { 'x-mosaic-session': '' } }),
      post('/auth/session/refresh', { cookie, headers: { 'content-type': 'text/plain' } }),
      post('/auth/session/refresh', { cookie, headers: { origin: 'https://evil.example' } }),
      post('/auth/session/refresh', { cookie, headers: { 'sec-fetch-site': 'cross-site' } }),
      post('/auth/session/refresh', { cookie, method: 'GET' }),
    ]);
    expect(refusals.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 405]);
    for (const answer of refusals) {
      expect(answer.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      expect(answer.setCookie).toBeUndefined();
    }
    expect(await post('/auth/session/refresh')).toMatchObject({ status: 401, body: { error: 'UNAUTHENTICATED' } });
    expect(await post('/auth/session', { body: { token: 'x' } })).toMatchObject({ status: 400, body: { error: 'BAD_USER_INPUT' } });
    // The cookie was not spent by any refusal: it still refreshes.
    expect((await post('/auth/session/refresh', { cookie })).status).toBe(200);
  });
});

describe('signing in straight into the cookie (/auth/session/login, /complete-login, /register)', () => {
  const refreshTokenIn = (answer: Answer) => decodeURIComponent(cookieOf(answer.setCookie).split('=')[1]!);

  it('registers and signs in with the refresh token only in the cookie, never in the body', async () => {
    const email = `cookie-login${++n}.${Date.now()}@example.com`;
    const created = await post('/auth/session/register', { body: { email, password, displayName: 'Cookie Person' } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ accessToken: expect.any(String), user: { email, displayName: 'Cookie Person' } });
    expect(JSON.stringify(created.body)).not.toContain(refreshTokenIn(created));
    expect(created.setCookie!.split('; ')).toEqual(expect.arrayContaining(['Path=/auth/session', 'HttpOnly', 'SameSite=Strict']));

    const signedIn = await post('/auth/session/login', { body: { email, password } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).not.toHaveProperty('refreshToken');
    expect(JSON.stringify(signedIn.body)).not.toContain(refreshTokenIn(signedIn));
    expect(await app.call(ME, {}, signedIn.body!.accessToken as string)).toMatchObject({ data: { me: { email } } });
    // The cookie it set is a working session.
    expect((await post('/auth/session/refresh', { cookie: cookieOf(signedIn.setCookie) })).status).toBe(200);
  });

  it('answers a wrong password and bad input as the mutations do, setting no session', async () => {
    const email = `cookie-wrong${++n}.${Date.now()}@example.com`;
    await post('/auth/session/register', { body: { email, password } });
    const wrong = await post('/auth/session/login', { body: { email, password: 'not-the-password' } });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'UNAUTHENTICATED', message: 'The email or password is incorrect.' } });
    expect(wrong.setCookie).toMatch(/Max-Age=0/);
    expect(await post('/auth/session/login', { body: ['x'] })).toMatchObject({ status: 400, body: { error: 'BAD_USER_INPUT' } });
    expect(await post('/auth/session/register', { body: { email: 'not-an-email', password } })).toMatchObject({ status: 400, body: { error: 'BAD_USER_INPUT' } });
    // Cross-site refusals apply here too.
    expect((await post('/auth/session/login', { body: { email, password }, headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('with two-factor on: the login answers the challenge, complete-login sets the cookie', async () => {
    const email = `cookie-2fa${++n}.${Date.now()}@example.com`;
    const session = (await app.call(REGISTER, { input: { email, password } })).data!.register;
    const { secret } = (await app.call(`mutation { beginTotpEnrollment { secret } }`, {}, session.accessToken)).data!.beginTotpEnrollment as { secret: string };
    expect((await app.call(`mutation($code: String!) { confirmTotpEnrollment(code: $code) { accessToken } }`, { code: totpCodeAt(secret, new Date()) }, session.accessToken)).errors).toBeUndefined();

    const step = 30_000;
    await app.at(step, async () => {
      const first = await post('/auth/session/login', { body: { email, password } });
      expect(first).toMatchObject({ status: 400, body: { error: 'SECOND_FACTOR_REQUIRED', challenge: expect.any(String), methods: ['TOTP', 'RECOVERY_CODE'] } });
      expect(first.setCookie).toBeUndefined();
      const completed = await post('/auth/session/complete-login', { body: { challenge: first.body!.challenge, code: totpCodeAt(secret, new Date(Date.now() + step)) } });
      expect(completed.status).toBe(200);
      expect(completed.body).toMatchObject({ accessToken: expect.any(String), user: { email } });
      expect(completed.body).not.toHaveProperty('refreshToken');
      expect(completed.setCookie).toMatch(/^mosaic_refresh=.+; Path=\/auth\/session/);
    });
  });
});
