import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { decodeId, encodeId, eventTables, uuidv7 } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { ACCEPT, AUDIT, CHANGE_ROLE, CREATE, FIND, INVITE, LEAVE, MEMBERS_OF, ORGS_OF, REMOVE, REVOKE, startTenancy, TRANSFER, type TenancyApp } from './harness';

let app: TenancyApp;
beforeAll(async () => {
  app = await startTenancy({ TENANCY_MAX_ORGANIZATIONS_PER_USER: '20', TENANCY_INVITATION_TTL_HOURS: '1' });
});
afterAll(() => app.close());

const unique = () => Math.random().toString(36).slice(2, 10);

describe('organisations', () => {
  it('creates an organisation with the creator as owner on the free plan; non-members get null', async () => {
    const alice = await app.auth.newUser();
    const bob = await app.auth.newUser();
    const slug = `acme-${unique()}`;
    const created = await app.call(CREATE, { input: { name: '  Acme  ', slug } }, alice.token);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createOrganization).toMatchObject({ name: 'Acme', slug, viewerRole: 'OWNER', plan: { code: 'free', maxMembers: 3 } });
    const id = created.data!.createOrganization.id as string;
    const found = await app.call(FIND, { id }, alice.token);
    expect(found.data!.organization.members).toEqual([{ role: 'OWNER', user: { id: alice.publicId } }]);
    expect((await app.call(FIND, { id }, bob.token)).data).toEqual({ organization: null });
    expect((await app.call(`query($s: String!) { organizationBySlug(slug: $s) { id } }`, { s: slug }, alice.token)).data).toEqual({ organizationBySlug: { id } });
    expect((await app.call(`query($s: String!) { organizationBySlug(slug: $s) { id } }`, { s: slug }, bob.token)).data).toEqual({ organizationBySlug: null });
  });

  it('derives a slug from the name, refuses a taken one and bad input — writing nothing', async () => {
    const user = await app.auth.newUser();
    const name = `Zürich Team ${unique()}`;
    const created = await app.call(CREATE, { input: { name } }, user.token);
    expect(created.data!.createOrganization.slug).toBe(name.toLowerCase().replace('ü', 'u').replaceAll(' ', '-'));
    const before = await app.rows();
    const taken = await app.call(CREATE, { input: { name } }, user.token);
    expect(taken.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.slug' });
    expect(errorCodes(await app.call(CREATE, { input: { name: '   ' } }, user.token))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await app.call(CREATE, { input: { name: 'x', slug: '-Bad-' } }, user.token))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await app.call(CREATE, { input: { name: 'x' } }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.call(FIND, { id: encodeId('Note', uuidv7()) }, user.token))).toEqual(['BAD_USER_INPUT']);
    expect(await app.rows()).toEqual(before);
  });
});

describe('invitations and members', () => {
  it('invites by email; the invitee accepts once and joins with the role; the audit log records it', async () => {
    const owner = await app.auth.newUser();
    const invitee = await app.auth.newUser();
    const id = await app.create(owner.token, `Team ${unique()}`);
    const invited = await app.call(INVITE, { input: { organizationId: id, email: ' New.Person@Example.com ', role: 'MEMBER' } }, owner.token);
    expect(invited.errors).toBeUndefined();
    expect(invited.data!.inviteMember.invitation).toMatchObject({ email: 'new.person@example.com', role: 'MEMBER', invitedBy: { id: owner.publicId } });
    const token = invited.data!.inviteMember.token as string;
    const accepted = await app.call(ACCEPT, { token }, invitee.token);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptInvitation).toMatchObject({ role: 'MEMBER', organization: { id }, user: { id: invitee.publicId } });
    expect(errorCodes(await app.call(ACCEPT, { token }, (await app.auth.newUser()).token))).toEqual(['NOT_FOUND']);
    const log = (await app.call(AUDIT, { id }, owner.token)).data!.organization.auditLog;
    expect(log.map((entry: { action: string }) => entry.action)).toEqual(['INVITATION_ACCEPTED', 'MEMBER_INVITED', 'ORGANIZATION_CREATED']);
    expect(log[0]).toMatchObject({ actor: { id: invitee.publicId }, subject: { id: invitee.publicId }, email: 'new.person@example.com', role: 'MEMBER' });
    // Members see the organisation; only managers see its audit log.
    expect((await app.call(FIND, { id }, invitee.token)).data!.organization.viewerRole).toBe('MEMBER');
    const asMember = await app.call(AUDIT, { id }, invitee.token);
    expect(asMember.data!.organization).toEqual({ auditLog: null, pendingInvitations: null });
    expect(errorCodes(asMember)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('an expired invitation is refused; a revoked one cannot be accepted', async () => {
    const owner = await app.auth.newUser();
    const id = await app.create(owner.token, `Team ${unique()}`);
    const invited = await app.call(INVITE, { input: { organizationId: id, email: `late-${unique()}@example.com`, role: 'MEMBER' } }, owner.token);
    app.clock.at = new Date(Date.now() + 2 * 3_600_000);
    try {
      const late = await app.call(ACCEPT, { token: invited.data!.inviteMember.token }, (await app.auth.newUser()).token);
      expect(late.errors![0]!.extensions!.code).toBe('CONFLICT');
      expect(late.errors![0]!.message).toMatch(/expired/);
    } finally {
      app.clock.at = null;
    }
    const second = await app.call(INVITE, { input: { organizationId: id, email: `gone-${unique()}@example.com`, role: 'MEMBER' } }, owner.token);
    expect((await app.call(REVOKE, { id: second.data!.inviteMember.invitation.id }, owner.token)).data).toEqual({ revokeInvitation: true });
    expect(errorCodes(await app.call(ACCEPT, { token: second.data!.inviteMember.token }, (await app.auth.newUser()).token))).toEqual(['NOT_FOUND']);
  });

  it('refuses inviting with a role above your own, and members inviting at all — writing nothing', async () => {
    const owner = await app.auth.newUser();
    const admin = await app.auth.newUser();
    const member = await app.auth.newUser();
    const id = await app.create(owner.token, `Team ${unique()}`);
    await app.join(owner.token, id, admin.token, 'ADMIN');
    const before = await app.rows();
    const above = await app.call(INVITE, { input: { organizationId: id, email: `o-${unique()}@example.com`, role: 'OWNER' } }, admin.token);
    expect(errorCodes(above)).toEqual(['FORBIDDEN']);
    expect(above.errors![0]!.message).toMatch(/above your own/);
    expect(await app.rows()).toEqual(before);
    await app.join(admin.token, id, member.token, 'MEMBER');
    const byMember = await app.call(INVITE, { input: { organizationId: id, email: `m-${unique()}@example.com`, role: 'MEMBER' } }, member.token);
    expect(errorCodes(byMember)).toEqual(['FORBIDDEN']);
    const stranger = await app.auth.newUser();
    expect(errorCodes(await app.call(INVITE, { input: { organizationId: id, email: `s-${unique()}@example.com`, role: 'MEMBER' } }, stranger.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(INVITE, { input: { organizationId: id, email: 'not an email', role: 'MEMBER' } }, owner.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('the free plan limits members: QUOTA_EXCEEDED names the plan, open invitations count', async () => {
    const owner = await app.auth.newUser();
    const id = await app.create(owner.token, `Team ${unique()}`);
    await app.join(owner.token, id, (await app.auth.newUser()).token, 'MEMBER');
    const third = await app.call(INVITE, { input: { organizationId: id, email: `third-${unique()}@example.com`, role: 'MEMBER' } }, owner.token);
    expect(third.errors).toBeUndefined();
    const before = await app.rows();
    const fourth = await app.call(INVITE, { input: { organizationId: id, email: `fourth-${unique()}@example.com`, role: 'MEMBER' } }, owner.token);
    expect(fourth.errors![0]!.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', quota: 'members', limit: 3, plan: 'free' });
    expect(fourth.errors![0]!.message).toMatch(/Free plan allows 3 members/);
    expect(await app.rows()).toEqual(before);
  });

  it('never leaves an organisation without an owner: removing, demoting or the last owner leaving is refused', async () => {
    const owner = await app.auth.newUser();
    const admin = await app.auth.newUser();
    const id = await app.create(owner.token, `Team ${unique()}`);
    await app.join(owner.token, id, admin.token, 'ADMIN');
    const before = await app.rows();
    expect(errorCodes(await app.call(LEAVE, { o: id }, owner.token))).toEqual(['CONFLICT']);
    expect(errorCodes(await app.call(CHANGE_ROLE, { o: id, u: owner.publicId, role: 'MEMBER' }, owner.token))).toEqual(['CONFLICT']);
    // An admin may not touch an owner at all.
    expect(errorCodes(await app.call(REMOVE, { o: id, u: owner.publicId }, admin.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(CHANGE_ROLE, { o: id, u: owner.publicId, role: 'MEMBER' }, admin.token))).toEqual(['FORBIDDEN']);
    expect(await app.rows()).toEqual(before);
  });

  it('transfers ownership; then the old owner (now admin) may leave; members can be removed and change roles', async () => {
    const owner = await app.auth.newUser();
    const admin = await app.auth.newUser();
    const member = await app.auth.newUser();
    const id = await app.create(owner.token, `Team ${unique()}`);
    await app.join(owner.token, id, admin.token, 'ADMIN');
    await app.join(owner.token, id, member.token, 'MEMBER');
    expect(errorCodes(await app.call(TRANSFER, { o: id, u: member.publicId }, admin.token))).toEqual(['CONFLICT']);
    expect((await app.call(TRANSFER, { o: id, u: admin.publicId }, owner.token)).errors).toBeUndefined();
    const roles = async () => Object.fromEntries(((await app.call(FIND, { id }, admin.token)).data!.organization.members as { role: string; user: { id: string } }[]).map((m) => [m.user.id, m.role]));
    expect(await roles()).toEqual({ [owner.publicId]: 'ADMIN', [admin.publicId]: 'OWNER', [member.publicId]: 'MEMBER' });
    expect((await app.call(CHANGE_ROLE, { o: id, u: member.publicId, role: 'BILLING' }, owner.token)).data).toEqual({ changeMemberRole: { role: 'BILLING' } });
    expect((await app.call(REMOVE, { o: id, u: member.publicId }, owner.token)).data).toEqual({ removeMember: true });
    expect((await app.call(LEAVE, { o: id }, owner.token)).data).toEqual({ leaveOrganization: true });
    expect(await roles()).toEqual({ [admin.publicId]: 'OWNER' });
    expect((await app.call(FIND, { id }, member.token)).data).toEqual({ organization: null });
    const log = (await app.call(AUDIT, { id }, admin.token)).data!.organization.auditLog.map((entry: { action: string }) => entry.action);
    expect(log.slice(0, 4)).toEqual(['MEMBER_LEFT', 'MEMBER_REMOVED', 'MEMBER_ROLE_CHANGED', 'OWNERSHIP_TRANSFERRED']);
  });

  it('emits membership.changed with the whole new state for every change', async () => {
    const owner = await app.auth.newUser();
    const member = await app.auth.newUser();
    const id = await app.create(owner.token, `Team ${unique()}`);
    await app.join(owner.token, id, member.token, 'MEMBER');
    await app.call(REMOVE, { o: id, u: member.publicId }, owner.token);
    const outbox = eventTables('tenancy').outbox;
    const rows = await app.database.db().select().from(outbox).where(eq(outbox.aggregateId, decodeId('Organization', id))).orderBy(outbox.id);
    expect(rows.filter((row) => row.type === 'membership.changed').map((row) => (row.payload as { role: string | null }).role)).toEqual(['owner', 'member', null]);
    // Creation also announces the plan in force (files' storage quota projects it).
    expect(rows.filter((row) => row.type === 'plan.changed').map((row) => row.payload)).toEqual([expect.objectContaining({ plan: 'free', storageBytes: String(1024 ** 3), maxApiCallsPerMonth: 10_000 })]);
  });
});

describe('batching', () => {
  it('Organization.members for 2 and for 10 organisations cost the same number of SQL statements', async () => {
    const owner = await app.auth.newUser();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await app.create(owner.token, `Batch ${unique()}`));
    const statementsFor = async (n: number) => {
      app.counter.reset();
      const result = await app.call(MEMBERS_OF, { reps: ids.slice(0, n).map((id) => ({ __typename: 'Organization', id })) }, owner.token);
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toHaveLength(n);
      return app.counter.count;
    };
    expect(await statementsFor(10)).toBe(await statementsFor(2));
  });

  it('User.organizations for 2 and for 10 users cost the same (admins), and strangers are refused', async () => {
    const admin = await app.auth.newUser(['user', 'admin']);
    const users: { publicId: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const user = await app.auth.newUser();
      await app.create(user.token, `Mine ${unique()}`);
      users.push(user);
    }
    const statementsFor = async (n: number) => {
      app.counter.reset();
      const result = await app.call(ORGS_OF, { reps: users.slice(0, n).map((u) => ({ __typename: 'User', id: u.publicId })) }, admin.token);
      expect(result.errors).toBeUndefined();
      return app.counter.count;
    };
    expect(await statementsFor(10)).toBe(await statementsFor(2));
    const stranger = await app.auth.newUser();
    expect(errorCodes(await app.call(ORGS_OF, { reps: [{ __typename: 'User', id: users[0]!.publicId }] }, stranger.token))).toEqual(['FORBIDDEN']);
  });
});
