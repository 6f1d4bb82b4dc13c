import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { startTestGraph, type TestGraph } from '../src/testing/test-graph';
import { authorizeAsUser, errorCodes, newPkce, tokenRequest } from '@mosaic/testing';

/**
 * OAuth apps bound to an organisation (issue 17), through the gateway: an org admin registers
 * one with a token switched to the organisation; only members authorise it; its tokens carry that
 * organisation (and the member's role), so they act in its shared data.
 */
let graph: TestGraph;
let accountsOrigin: string;
let issuer: string;
const password = 'velvet-otter-lantern';
const REDIRECT = 'http://localhost:8791/callback';
beforeAll(async () => {
  graph = await startTestGraph();
  accountsOrigin = new URL(graph.subgraphUrls.accounts!).origin;
  issuer = `${accountsOrigin}/oidc`;
}, 120_000);
afterAll(() => graph?.close());

const REGISTER = `mutation($input: RegisterOAuthClientInput!) { registerOAuthClient(input: $input) { clientSecret client { id organizationId } } }`;
const SWITCH = `mutation($id: ID) { switchOrganization(organizationId: $id) { accessToken } }`;
const appInput = (organizationId: string | undefined) => ({ name: 'Team Board', redirectUris: [REDIRECT], scopes: ['profile', 'todos:read'], grantTypes: ['AUTHORIZATION_CODE'], confidential: true, ...(organizationId ? { organizationId } : {}) });

async function switchTo(token: string, organizationId: string): Promise<string> {
  let switched: string | undefined;
  await expect.poll(async () => (switched = (await graph.call(SWITCH, { id: organizationId }, token)).data?.switchOrganization?.accessToken as string | undefined), { timeout: 15_000, interval: 50 }).toBeTruthy();
  return switched!;
}

describe("an organisation's OAuth app", () => {
  it('is registered by an org admin, authorised only by members, and its tokens act in that organisation alone', async () => {
    const owner = await graph.signUp('org-app-owner@example.com');
    const member = await graph.signUp('org-app-member@example.com');
    await graph.signUp('org-app-outsider@example.com');
    const organizationId = (await graph.call(`mutation { createOrganization(input: { name: "App Team" }) { id } }`, {}, owner.token)).data!.createOrganization.id as string;
    const invited = await graph.call(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token } }`, { input: { organizationId, email: 'org-app-member@example.com', role: 'MEMBER' } }, owner.token);
    expect((await graph.call(`mutation($t: String!) { acceptInvitation(token: $t) { role } }`, { t: invited.data!.inviteMember.token }, member.token)).errors).toBeUndefined();
    const ownerInOrg = await switchTo(owner.token, organizationId);
    const memberInOrg = await switchTo(member.token, organizationId);

    // Only with a token switched to the organisation, and only as its owner or admin.
    expect(errorCodes(await graph.call(REGISTER, { input: appInput(organizationId) }, owner.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graph.call(REGISTER, { input: appInput(organizationId) }, memberInOrg))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graph.call(REGISTER, { input: appInput(undefined) }, ownerInOrg))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graph.call(REGISTER, { input: { ...appInput(organizationId), grantTypes: ['CLIENT_CREDENTIALS'], redirectUris: [] } }, ownerInOrg))).toEqual(['BAD_USER_INPUT']);
    const registered = await graph.call(REGISTER, { input: appInput(organizationId) }, ownerInOrg);
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerOAuthClient.client.organizationId).toBe(organizationId);
    const client = { id: registered.data!.registerOAuthClient.client.id as string, secret: registered.data!.registerOAuthClient.clientSecret as string };

    // Something shared in the organisation, and something personal of the member.
    expect((await graph.call(`mutation { createTodo(input: { title: "Team roadmap", shared: true }) { id } }`, {}, ownerInOrg)).errors).toBeUndefined();
    expect((await graph.call(`mutation { createTodo(input: { title: "Member's own errand" }) { id } }`, {}, member.token)).errors).toBeUndefined();

    // A member authorises it; the token names the organisation and the member's role there.
    const pkce = newPkce();
    const back = await authorizeAsUser(accountsOrigin, issuer, { clientId: client.id, redirectUri: REDIRECT, scope: 'openid profile todos:read', pkce }, { email: 'org-app-member@example.com', password });
    const tokens = await tokenRequest(issuer, { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: pkce.verifier }, client);
    const appToken = tokens.body.access_token!;
    expect(decodeJwt(appToken)).toMatchObject({ client_id: client.id, org_id: decodeId('Organization', organizationId), org_role: 'member' });
    const seen = await graph.call(`{ organizationTodos { edges { node { title } } } }`, {}, appToken);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.organizationTodos.edges).toEqual([{ node: { title: 'Team roadmap' } }]);

    // Someone who is not a member cannot authorise it at all.
    await expect(
      authorizeAsUser(accountsOrigin, issuer, { clientId: client.id, redirectUri: REDIRECT, scope: 'openid profile todos:read', pkce: newPkce() }, { email: 'org-app-outsider@example.com', password }),
    ).rejects.toThrow(/Not your organization/);
  });
});
