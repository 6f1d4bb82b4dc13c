import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
