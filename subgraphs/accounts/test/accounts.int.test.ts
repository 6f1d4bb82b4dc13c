import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { decodeProtectedHeader, decodeJwt } from 'jose';
import { errorCodes } from '@mosaic/testing';
import { refreshTokens, users } from '../src/data/tables';
import { LOGIN, ME, REFRESH, REGISTER, startAccounts } from './harness';

let app: Awaited<ReturnType<typeof startAccounts>>;
beforeAll(async () => {
  app = await startAccounts();
});
afterAll(() => app.close());

const password = 'velvet-otter-lantern';
let n = 0;
const freshEmail = () => `person${++n}.${Date.now()}@example.com`;
const register = (input: Record<string, unknown>) => app.call(REGISTER, { input });
const userCount = async () => (await app.database.db().select({ n: count() }).from(users))[0]!.n;

describe('register', () => {
  it('creates an account, normalises the email, hashes with argon2id and signs in', async () => {
    const email = freshEmail();
    const result = await register({ email: `  ${email.toUpperCase()} `, password, displayName: 'Ada' });
    expect(result.errors).toBeUndefined();
    const payload = result.data!.register;
    expect(payload.user).toMatchObject({ email, displayName: 'Ada', roles: ['USER'] });

    const header = decodeProtectedHeader(payload.accessToken);
    const claims = decodeJwt(payload.accessToken);
    expect(header).toMatchObject({ alg: 'EdDSA', kid: 'k1', typ: 'at+jwt' });
    expect(claims).toMatchObject({ iss: 'mosaic-accounts', aud: 'mosaic', roles: ['user'] });
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(new Date(payload.accessTokenExpiresAt).getTime()).toBe(claims.exp! * 1000);

    const [row] = await app.database.db().select().from(users).where((await import('drizzle-orm')).eq(users.email, email));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const me = await app.call(ME, {}, payload.accessToken);
    expect(me.data!.me).toMatchObject({ email, displayName: 'Ada' });
  });

  it('publishes the signing key at /.well-known/jwks.json without the private part', async () => {
    const response = await fetch(app.url.replace('/graphql', '/.well-known/jwks.json'));
    const jwks = (await response.json()) as { keys: Record<string, string>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: 'k1', alg: 'EdDSA', use: 'sig' });
    expect(jwks.keys[0]!.d).toBeUndefined();
  });

  it.each([
    ['an invalid email', { email: 'not-an-email', password }, 'input.email'],
    ['a short password', { email: 'x@example.com', password: 'short' }, 'input.password'],
    ['a common password', { email: 'x@example.com', password: 'Password123' }, 'input.password'],
    ['a password containing the email name', { email: 'margaret@example.com', password: 'margaret-rules-2026' }, 'input.password'],
    ['an oversize display name', { email: 'x@example.com', password, displayName: 'x'.repeat(81) }, 'input.displayName'],
    ['an oversize email', { email: `${'x'.repeat(300)}@example.com`, password }, 'input.email'],
    ['an oversize password', { email: 'x@example.com', password: 'p'.repeat(129) }, 'input.password'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, input, field) => {
    const before = await userCount();
    const result = await register(input);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(result.errors![0]!.extensions!.stacktrace).toBeUndefined();
    expect(await userCount()).toBe(before);
  });

  it('refuses a duplicate email in any spelling with CONFLICT', async () => {
    const email = freshEmail();
    await register({ email, password });
    const before = await userCount();
    const again = await register({ email: email.toUpperCase(), password });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.errors![0]!.message).toMatch(/already exists/);
    expect(await userCount()).toBe(before);
  });
});

describe('refresh tokens', () => {
  it('rotate on every use; reusing one revokes the whole family', async () => {
    const { data } = await register({ email: freshEmail(), password });
    const first = data!.register.refreshToken as string;
    const second = (await app.call(REFRESH, { t: first })).data!.refreshSession.refreshToken as string;
    expect(second).not.toBe(first);

    const reuse = await app.call(REFRESH, { t: first });
    expect(errorCodes(reuse)).toEqual(['UNAUTHENTICATED']);
    expect(reuse.errors![0]!.message).toMatch(/already used/);
    // The attacker's or the victim's successor token is dead too.
    expect(errorCodes(await app.call(REFRESH, { t: second }))).toEqual(['UNAUTHENTICATED']);
  });

  it('stores only hashes of refresh tokens', async () => {
    const { data } = await register({ email: freshEmail(), password });
    const token = data!.register.refreshToken as string;
    const rows = await app.database.db().select({ hash: refreshTokens.tokenHash }).from(refreshTokens);
    expect(rows.some((r) => r.hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
  });

  it('expire after their lifetime', async () => {
    const { data } = await register({ email: freshEmail(), password });
    app.clock.offsetMs = 31 * 86_400_000;
    try {
      const result = await app.call(REFRESH, { t: data!.register.refreshToken });
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
      expect(result.errors![0]!.message).toMatch(/expired/);
    } finally {
      app.clock.offsetMs = 0;
    }
  });

  it('stop working after logout; garbage tokens are refused clearly', async () => {
    const { data } = await register({ email: freshEmail(), password });
    const token = data!.register.refreshToken as string;
    expect((await app.call(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: token })).data).toEqual({ logout: true });
    expect(errorCodes(await app.call(REFRESH, { t: token }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.call(REFRESH, { t: 'x'.repeat(5000) }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('change password', () => {
  const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken refreshToken } }`;

  it('ends every other session and keeps the caller signed in', async () => {
    const email = freshEmail();
    const first = (await register({ email, password })).data!.register;
    const second = (await app.call(LOGIN, { input: { email, password } })).data!.login;
    const changed = await app.call(CHANGE, { input: { currentPassword: password, newPassword: 'quiet-harbour-compass' } }, first.accessToken);
    expect(changed.errors).toBeUndefined();
    expect(errorCodes(await app.call(REFRESH, { t: first.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.call(REFRESH, { t: second.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect((await app.call(REFRESH, { t: changed.data!.changePassword.refreshToken })).errors).toBeUndefined();
    expect(errorCodes(await app.call(LOGIN, { input: { email, password } }))).toEqual(['UNAUTHENTICATED']);
    expect((await app.call(LOGIN, { input: { email, password: 'quiet-harbour-compass' } })).errors).toBeUndefined();
  });

  it('requires the current password and a valid new one', async () => {
    const { accessToken } = (await register({ email: freshEmail(), password })).data!.register;
    expect(errorCodes(await app.call(CHANGE, { input: { currentPassword: 'nope-nope-nope', newPassword: 'quiet-harbour-compass' } }, accessToken))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.call(CHANGE, { input: { currentPassword: password, newPassword: 'short' } }, accessToken))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await app.call(CHANGE, { input: { currentPassword: password, newPassword: password } }, accessToken))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await app.call(CHANGE, { input: { currentPassword: password, newPassword: 'quiet-harbour-compass' } }))).toEqual(['UNAUTHENTICATED']);
  });
});
