import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { errorCodes } from '@mosaic/testing';

/**
 * Through the gateway, all of it at once: tenancy's membership events reach accounts' projection,
 * accounts signs the tenant into the token, the gateway forwards it and todos' row-level security
 * acts on it (services connect as the non-owner app role here too: the graph runs on PostgreSQL).
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

/** A JWT's claims, read without verifying (the services verify; the test only looks). */
const decodeJwt = (token: string): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

const SWITCH = `mutation($id: ID) { switchOrganization(organizationId: $id) { accessToken role } }`;

/** Switches as soon as accounts' projection has the membership (the event is relayed after tenancy's commit). */
async function switchTo(token: string, organizationId: string): Promise<string> {
  let last: unknown;
  await expect
    .poll(async () => {
      last = await graph.call(SWITCH, { id: organizationId }, token);
      return (last as { data?: { switchOrganization?: unknown } }).data?.switchOrganization ? 'switched' : 'waiting';
    }, { timeout: 10_000, interval: 50 })
    .toBe('switched');
  return (last as { data: { switchOrganization: { accessToken: string } } }).data.switchOrganization.accessToken;
}

describe('an organisation end to end', () => {
  it('the owner invites a colleague; both switch to it and share todos, while private ones stay private', async () => {
    const owner = await graph.signUp('tenancy-owner@example.com');
    const colleague = await graph.signUp('tenancy-colleague@example.com');
    const outsider = await graph.signUp('tenancy-outsider@example.com');
    const created = await graph.call(`mutation { createOrganization(input: { name: "Gateway Team" }) { id slug } }`, {}, owner.token);
    expect(created.errors).toBeUndefined();
    const organizationId = created.data!.createOrganization.id as string;
    const invited = await graph.call(
      `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token } }`,
      { input: { organizationId, email: 'tenancy-colleague@example.com', role: 'MEMBER' } },
      owner.token,
    );
    const accepted = await graph.call(`mutation($t: String!) { acceptInvitation(token: $t) { role } }`, { t: invited.data!.inviteMember.token }, colleague.token);
    expect(accepted.data).toEqual({ acceptInvitation: { role: 'MEMBER' } });

    const ownerInOrg = await switchTo(owner.token, organizationId);
    const colleagueInOrg = await switchTo(colleague.token, organizationId);
    expect(decodeJwt(colleagueInOrg)).toMatchObject({ org_role: 'member' });
    // The outsider is not a member: refused, whatever they ask.
    expect(errorCodes(await graph.call(SWITCH, { id: organizationId }, outsider.token))).toEqual(['NOT_FOUND']);

    expect((await graph.call(`mutation { createTodo(input: { title: "Ship v2", shared: true }) { id } }`, {}, ownerInOrg)).errors).toBeUndefined();
    expect((await graph.call(`mutation { createTodo(input: { title: "Owner's private errand" }) { id } }`, {}, ownerInOrg)).errors).toBeUndefined();
    expect((await graph.call(`mutation { createTodo(input: { title: "Colleague's private errand" }) { id } }`, {}, colleagueInOrg)).errors).toBeUndefined();

    const seen = await graph.call(
      `{ organizationTodos { edges { node { title owner { displayName } organization { id } } } } me { todos { edges { node { title } } } organizations { role organization { name members { role } } } } }`,
      {},
      colleagueInOrg,
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.organizationTodos.edges).toEqual([{ node: { title: 'Ship v2', owner: { displayName: 'tenancy-owner' }, organization: { id: organizationId } } }]);
    expect(seen.data!.me.todos.edges).toEqual([{ node: { title: "Colleague's private errand" } }]);
    expect(seen.data!.me.organizations).toEqual([{ role: 'MEMBER', organization: { name: 'Gateway Team', members: [{ role: 'OWNER' }, { role: 'MEMBER' }] } }]);
  });

  it('a removed member loses the organisation on the next token refresh', async () => {
    const owner = await graph.signUp('tenancy-remover@example.com');
    const leaving = await graph.call(`mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id } } }`, {
      input: { email: 'tenancy-removed@example.com', password: 'velvet-otter-lantern' },
    });
    const member = leaving.data!.register as { accessToken: string; refreshToken: string; user: { id: string } };
    const organizationId = (await graph.call(`mutation { createOrganization(input: { name: "Shrinking Team" }) { id } }`, {}, owner.token)).data!.createOrganization.id as string;
    const invited = await graph.call(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token } }`, { input: { organizationId, email: 'tenancy-removed@example.com', role: 'MEMBER' } }, owner.token);
    await graph.call(`mutation($t: String!) { acceptInvitation(token: $t) { role } }`, { t: invited.data!.inviteMember.token }, member.accessToken);
    await switchTo(member.accessToken, organizationId);
    expect((await graph.call(`mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }`, { o: organizationId, u: member.user.id }, owner.token)).errors).toBeUndefined();
    await expect
      .poll(async () => {
        const refreshed = await graph.call(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`, { t: member.refreshToken });
        member.refreshToken = refreshed.data!.refreshSession.refreshToken as string;
        return decodeJwt(refreshed.data!.refreshSession.accessToken as string).org_id ?? 'personal';
      }, { timeout: 10_000, interval: 50 })
      .toBe('personal');
  });
});
