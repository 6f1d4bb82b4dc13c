import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { purgeExpired } from '../src/data/purge-repo';
import { attemptBuckets, oidcModels } from '../src/data/tables';
import { grantRole } from '../src/index';
import { LOGIN, REFRESH, REGISTER, startAccounts } from './harness';

let app: Awaited<ReturnType<typeof startAccounts>>;
beforeAll(async () => {
  app = await startAccounts();
});
afterAll(() => app.close());

const password = 'velvet-otter-lantern';
let n = 0;
const freshEmail = () => `sessions${++n}.${Date.now()}@example.com`;
const device = (ip: string, userAgent: string) => ({ 'x-mosaic-client-ip': ip, 'x-mosaic-client-user-agent': userAgent });
const SESSIONS = `{ me { sessions { id createdAt lastUsedAt userAgent ipPrefix current secondFactorAt } } }`;

async function twoDevices() {
  const email = freshEmail();
  const laptop = (await app.call(REGISTER, { input: { email, password } }, undefined, device('203.0.113.7', 'Firefox/140 (laptop)'))).data!.register;
  const phone = (await app.call(LOGIN, { input: { email, password } }, undefined, device('2001:db8:1:2::5', 'MosaicApp/2.1 (phone)'))).data!.login;
  return { email, laptop, phone };
}

describe('me.sessions', () => {
  it('lists one session per sign-in with user agent, network (not address) and which one is current', async () => {
    const { laptop } = await twoDevices();
    const sessions = (await app.call(SESSIONS, {}, laptop.accessToken)).data!.me.sessions;
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ userAgent: 'MosaicApp/2.1 (phone)', ipPrefix: '2001:0db8:0001::/48', current: false, secondFactorAt: null });
    expect(sessions[1]).toMatchObject({ userAgent: 'Firefox/140 (laptop)', ipPrefix: '203.0.113.0/24', current: true });
    expect(sessions[0].id).not.toMatch(/-/); // opaque ids
  });

  it('stays one session across refreshes, with last use updated', async () => {
    const { laptop } = await twoDevices();
    const refreshed = (await app.call(REFRESH, { t: laptop.refreshToken }, undefined, device('203.0.113.99', 'Firefox/141 (laptop)'))).data!.refreshSession;
    const sessions = (await app.call(SESSIONS, {}, refreshed.accessToken)).data!.me.sessions;
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ userAgent: 'Firefox/141 (laptop)', current: true });
  });

  it('revokeSession signs one device out; unknown or someone else\'s session is NOT_FOUND and changes nothing', async () => {
    const { laptop, phone } = await twoDevices();
    const stranger = await twoDevices();
    const phoneSession = (await app.call(SESSIONS, {}, laptop.accessToken)).data!.me.sessions.find((s: { current: boolean }) => !s.current);
    const strangerSession = (await app.call(SESSIONS, {}, stranger.laptop.accessToken)).data!.me.sessions[0];
    expect(errorCodes(await app.call(`mutation($id: ID!) { revokeSession(id: $id) }`, { id: strangerSession.id }, laptop.accessToken))).toEqual(['NOT_FOUND']);
    expect((await app.call(REFRESH, { t: stranger.phone.refreshToken })).errors).toBeUndefined();
    expect((await app.call(`mutation($id: ID!) { revokeSession(id: $id) }`, { id: phoneSession.id }, laptop.accessToken)).data).toEqual({ revokeSession: true });
    expect(errorCodes(await app.call(REFRESH, { t: phone.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect((await app.call(SESSIONS, {}, laptop.accessToken)).data!.me.sessions).toHaveLength(1);
  });

  it('revokeOtherSessions keeps only the caller\'s', async () => {
    const { email, laptop, phone } = await twoDevices();
    await app.call(LOGIN, { input: { email, password } });
    expect((await app.call(`mutation { revokeOtherSessions }`, {}, laptop.accessToken)).data).toEqual({ revokeOtherSessions: 2 });
    expect(errorCodes(await app.call(REFRESH, { t: phone.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect((await app.call(REFRESH, { t: laptop.refreshToken })).errors).toBeUndefined();
  });

  it('a reused refresh token ends its session in the list too', async () => {
    const { laptop, phone } = await twoDevices();
    await app.call(REFRESH, { t: phone.refreshToken });
    expect(errorCodes(await app.call(REFRESH, { t: phone.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect((await app.call(SESSIONS, {}, laptop.accessToken)).data!.me.sessions).toHaveLength(1);
  });

  it('logout ends the session in the list; another user cannot read my sessions', async () => {
    const { laptop, phone } = await twoDevices();
    await app.call(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: phone.refreshToken });
    expect((await app.call(SESSIONS, {}, laptop.accessToken)).data!.me.sessions).toHaveLength(1);
    const other = await twoDevices();
    const userId = (await app.call(`{ me { id } }`, {}, laptop.accessToken)).data!.me.id;
    const peek = await app.call(`query($id: ID!) { user(id: $id) { displayName sessions { id } } }`, { id: userId }, other.laptop.accessToken);
    expect(peek.data!.user).toEqual({ displayName: expect.any(String), sessions: null });
    expect(errorCodes(peek)).toEqual(['FORBIDDEN']);
  });

  it('admins sign a user out everywhere with revokeUserSessions; users cannot', async () => {
    const { laptop, phone } = await twoDevices();
    const userId = (await app.call(`{ me { id } }`, {}, laptop.accessToken)).data!.me.id;
    const REVOKE_ALL = `mutation($userId: ID!) { revokeUserSessions(userId: $userId) }`;
    expect(errorCodes(await app.call(REVOKE_ALL, { userId }, phone.accessToken))).toEqual(['FORBIDDEN']);
    const adminEmail = freshEmail();
    await app.call(REGISTER, { input: { email: adminEmail, password } });
    await grantRole(app.database.db(), adminEmail, 'admin');
    const admin = (await app.call(LOGIN, { input: { email: adminEmail, password } })).data!.login;
    expect((await app.call(REVOKE_ALL, { userId }, admin.accessToken)).data).toEqual({ revokeUserSessions: 2 });
    expect(errorCodes(await app.call(REFRESH, { t: laptop.refreshToken }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.call(REFRESH, { t: phone.refreshToken }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('purging expired sign-in state', () => {
  it('deletes expired challenges, codes and long-idle budgets, and keeps live ones', async () => {
    const db = app.database.db();
    const now = new Date();
    await db.insert(attemptBuckets).values([
      { key: 'purge:idle', level: 3, updatedAt: new Date(now.getTime() - 2 * 86_400_000) },
      { key: 'purge:recent', level: 3, updatedAt: now },
    ]);
    await db.insert(oidcModels).values([
      { kind: 'AuthorizationCode', id: 'purge-old', payload: {}, expiresAt: new Date(now.getTime() - 1000) },
      { kind: 'AuthorizationCode', id: 'purge-live', payload: {}, expiresAt: new Date(now.getTime() + 60_000) },
    ]);
    await purgeExpired(db, now);
    const keys = (await db.select({ key: attemptBuckets.key }).from(attemptBuckets)).map((r) => r.key);
    expect(keys).toContain('purge:recent');
    expect(keys).not.toContain('purge:idle');
    const ids = (await db.select({ id: oidcModels.id }).from(oidcModels)).map((r) => r.id);
    expect(ids).toContain('purge-live');
    expect(ids).not.toContain('purge-old');
  });
});
