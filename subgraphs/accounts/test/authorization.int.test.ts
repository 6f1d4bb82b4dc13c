import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import { encodeId } from '@mosaic/kit';
import { errorCodes, graphql } from '@mosaic/testing';
import { grantRole } from '../src/index';
import { ME, REGISTER, startAccounts } from './harness';

let app: Awaited<ReturnType<typeof startAccounts>>;
beforeAll(async () => {
  app = await startAccounts();
});
afterAll(() => app.close());

const password = 'velvet-otter-lantern';
async function signUp(email: string) {
  return (await app.call(REGISTER, { input: { email, password } })).data!.register as { accessToken: string; user: { id: string } };
}

describe('access tokens', () => {
  it('an expired token is refused with 401 UNAUTHENTICATED telling the client to refresh', async () => {
    const { user } = await signUp('expiry@example.com');
    const expired = await new SignJWT({ sid: 's', roles: ['user'], scope: 'profile' })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1', typ: 'at+jwt' })
      .setSubject(user.id)
      .setIssuer('mosaic-accounts')
      .setAudience('mosaic')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 1000)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 100)
      .sign(app.privateKey);
    const result = await app.call(ME, {}, expired);
    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.errors![0]!.message).toMatch(/expired.*refreshSession/);
  });

  it('a token signed by another key, an alg:none token and garbage are refused', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT({ sid: 's', roles: ['admin'], scope: 'users:read' })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1', typ: 'at+jwt' })
      .setSubject('00000000-0000-7000-8000-000000000000')
      .setIssuer('mosaic-accounts')
      .setAudience('mosaic')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const algNone = `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64({ sub: 'x', sid: 's', iss: 'mosaic-accounts', aud: 'mosaic', exp: 9999999999, iat: 1, roles: ['admin'] })}.`;
    for (const token of [forged, algNone, 'not.a.jwt']) {
      const result = await app.call(ME, {}, token);
      expect(result.status).toBe(401);
      expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    }
    const malformedHeader = await graphql(app.url, ME, {}, { headers: { authorization: 'Basic abc' } });
    expect(errorCodes(malformedHeader)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('roles and visibility', () => {
  it('another user sees a public profile but not the email; anonymous `me` is UNAUTHENTICATED', async () => {
    const alice = await signUp('alice@example.com');
    const bob = await signUp('bob@example.com');
    const profile = await app.call(`query($id: ID!) { user(id: $id) { displayName } }`, { id: alice.user.id }, bob.accessToken);
    expect(profile.data).toEqual({ user: { displayName: 'alice' } });
    const email = await app.call(`query($id: ID!) { user(id: $id) { email } }`, { id: alice.user.id }, bob.accessToken);
    expect(errorCodes(email)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(ME))).toEqual(['UNAUTHENTICATED']);
  });

  it('only admins list users and change roles; an admin cannot demote themself', async () => {
    const admin = await signUp('root@example.com');
    const member = await signUp('member@example.com');
    const list = `{ users(first: 50) { edges { node { email roles } } pageInfo { hasNextPage } } }`;
    expect(errorCodes(await app.call(list, {}, member.accessToken))).toEqual(['FORBIDDEN']);

    await grantRole(app.database.db(), 'root@example.com', 'admin');
    const adminToken = (await app.call(`mutation { login(input: { email: "root@example.com", password: "${password}" }) { accessToken } }`)).data!.login.accessToken;
    const users = await app.call(list, {}, adminToken);
    expect(users.errors).toBeUndefined();
    expect(users.data!.users.edges.map((e: { node: { email: string } }) => e.node.email)).toContain('member@example.com');

    const SET = `mutation($id: ID!, $roles: [Role!]!) { setUserRoles(userId: $id, roles: $roles) { roles } }`;
    expect((await app.call(SET, { id: member.user.id, roles: ['ADMIN'] }, adminToken)).data).toEqual({ setUserRoles: { roles: ['ADMIN', 'USER'] } });
    expect(errorCodes(await app.call(SET, { id: admin.user.id, roles: ['USER'] }, adminToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(SET, { id: encodeId('Note', admin.user.id), roles: ['USER'] }, adminToken))).toEqual(['BAD_USER_INPUT']);
  });

  it('pages through users with opaque cursors and rejects a forged cursor', async () => {
    await grantRole(app.database.db(), 'root@example.com', 'admin');
    const token = (await app.call(`mutation { login(input: { email: "root@example.com", password: "${password}" }) { accessToken } }`)).data!.login.accessToken;
    const page = `query($after: String) { users(first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result = await app.call(page, { after }, token);
      const connection = result.data!.users;
      seen.push(...connection.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(errorCodes(await app.call(page, { after: 'bm9wZQ' }, token))).toEqual(['BAD_USER_INPUT']);
  });
});
