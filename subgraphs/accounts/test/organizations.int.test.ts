import { generateKeyPair, SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, encodeId, uuidv7 } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { applyMembershipState } from '../src/data/organization-memberships-repo';
import { REFRESH, REGISTER, settings, startAccounts } from './harness';

let app: Awaited<ReturnType<typeof startAccounts>>;
beforeAll(async () => {
  app = await startAccounts();
});
afterAll(() => app.close());

const SWITCH = `mutation($id: ID) { switchOrganization(organizationId: $id) { accessToken organizationId role } }`;
const password = 'velvet-otter-lantern';

async function registered() {
  const email = `org-${uuidv7()}@example.com`;
  const result = await app.call(REGISTER, { input: { email, password } });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const session = result.data!.register as { accessToken: string; refreshToken: string; user: { id: string } };
  return { ...session, userId: decodeJwt(session.accessToken).sub! };
}

/** What tenancy's `membership.changed` event does to accounts' projection. */
const member = (userId: string, organizationId: string, role: string | null, at = new Date()) =>
  applyMembershipState(app.database.db(), { userId, organizationId, role, changedAt: at });

describe('switchOrganization', () => {
  it('issues a token with org_id and org_role for a member; refreshes keep it while the membership lasts', async () => {
    const user = await registered();
    const organizationId = uuidv7();
    await member(user.userId, organizationId, 'admin');
    const switched = await app.call(SWITCH, { id: encodeId('Organization', organizationId) }, user.accessToken);
    expect(switched.errors).toBeUndefined();
    expect(switched.data!.switchOrganization).toMatchObject({ organizationId: encodeId('Organization', organizationId), role: 'admin' });
    const claims = decodeJwt(switched.data!.switchOrganization.accessToken);
    expect(claims).toMatchObject({ sub: user.userId, org_id: organizationId, org_role: 'admin' });

    const refreshed = (await app.call(REFRESH, { t: user.refreshToken })).data!.refreshSession;
    expect(decodeJwt(refreshed.accessToken)).toMatchObject({ org_id: organizationId, org_role: 'admin' });

    // A role change reaches the next token; removal drops the claim (the session falls back to personal).
    await member(user.userId, organizationId, 'member', new Date(Date.now() + 1000));
    const demoted = (await app.call(REFRESH, { t: refreshed.refreshToken })).data!.refreshSession;
    expect(decodeJwt(demoted.accessToken)).toMatchObject({ org_role: 'member' });
    await member(user.userId, organizationId, null, new Date(Date.now() + 2000));
    const removed = (await app.call(REFRESH, { t: demoted.refreshToken })).data!.refreshSession;
    expect(decodeJwt(removed.accessToken).org_id).toBeUndefined();
  });

  it('refuses an organisation the user is not a member of (NOT_FOUND) and changes nothing', async () => {
    const user = await registered();
    const other = await registered();
    const organizationId = uuidv7();
    await member(other.userId, organizationId, 'owner');
    const refused = await app.call(SWITCH, { id: encodeId('Organization', organizationId) }, user.accessToken);
    expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
    const refreshed = (await app.call(REFRESH, { t: user.refreshToken })).data!.refreshSession;
    expect(decodeJwt(refreshed.accessToken).org_id).toBeUndefined();
    expect(errorCodes(await app.call(SWITCH, { id: encodeId('Organization', organizationId) }))).toEqual(['UNAUTHENTICATED']);
  });

  it('switches back to the personal context with null', async () => {
    const user = await registered();
    const organizationId = uuidv7();
    await member(user.userId, organizationId, 'owner');
    const inOrg = (await app.call(SWITCH, { id: encodeId('Organization', organizationId) }, user.accessToken)).data!.switchOrganization;
    const personal = await app.call(SWITCH, { id: null }, inOrg.accessToken);
    expect(personal.data!.switchOrganization).toMatchObject({ organizationId: null, role: null });
    expect(decodeJwt(personal.data!.switchOrganization.accessToken).org_id).toBeUndefined();
  });

  it('a replayed older event does not overwrite a newer membership state', async () => {
    const user = await registered();
    const organizationId = uuidv7();
    const now = Date.now();
    await member(user.userId, organizationId, 'owner', new Date(now));
    await member(user.userId, organizationId, null, new Date(now - 60_000));
    const switched = await app.call(SWITCH, { id: encodeId('Organization', organizationId) }, user.accessToken);
    expect(switched.data!.switchOrganization.role).toBe('owner');
  });
});

describe('tenant claims are only what accounts signed', () => {
  it('a token with org claims signed by another key, or with half the claims, is refused', async () => {
    const verifier = createTokenVerifier({ ...settings, jwksUrl: 'local:' }, async () => (await generateKeyPair('EdDSA', { crv: 'Ed25519' })).publicKey);
    const forger = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT({ sid: uuidv7(), roles: ['user'], scope: '', org_id: uuidv7(), org_role: 'owner' })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt' })
      .setSubject(uuidv7())
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(forger.privateKey);
    await expect(verifier.verify(forged)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    // Signed by accounts' own key, but with org_id and no org_role: malformed, refused by every service.
    const half = await new SignJWT({ sid: uuidv7(), roles: ['user'], scope: '', org_id: uuidv7() })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1', typ: 'at+jwt' })
      .setSubject(uuidv7())
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(app.privateKey);
    expect(errorCodes(await app.call(`{ me { id } }`, {}, half))).toEqual(['UNAUTHENTICATED']);
  });
});
