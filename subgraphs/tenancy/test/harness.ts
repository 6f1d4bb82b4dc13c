import { count } from 'drizzle-orm';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest, StatementCounter } from '@mosaic/testing';
import { auditEvents, billingEvents, invitations, memberships, organizations, subscriptions } from '../src/data/tables';
import tenancySubgraph from '../src/index';

/** The tenancy subgraph over real HTTP on a fresh database, with real tokens and a statement counter. */
export async function startTenancy(env: NodeJS.ProcessEnv = {}) {
  const database = await createTestDatabase();
  const auth = await createTestAuth();
  const counter = new StatementCounter();
  const clock = { at: null as Date | null };
  const served = await serveModuleForTest(tenancySubgraph, { db: database.db(counter.observe), client: database.client, verifier: auth.verifier, now: () => clock.at ?? new Date() }, env);
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  const db = database.db();
  const rows = async () => ({
    organizations: (await db.select({ n: count() }).from(organizations))[0]!.n,
    memberships: (await db.select({ n: count() }).from(memberships))[0]!.n,
    invitations: (await db.select({ n: count() }).from(invitations))[0]!.n,
    audit: (await db.select({ n: count() }).from(auditEvents))[0]!.n,
    subscriptions: (await db.select({ n: count() }).from(subscriptions))[0]!.n,
    billingEvents: (await db.select({ n: count() }).from(billingEvents))[0]!.n,
  });
  /** Creates an organisation as the token's user; returns its public id. */
  const create = async (token: string, name: string, slug?: string): Promise<string> => {
    const result = await call(CREATE, { input: { name, ...(slug ? { slug } : {}) } }, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.createOrganization.id as string;
  };
  /** Invites and accepts: `member` joins `organizationId` with `role`. */
  const join = async (inviterToken: string, organizationId: string, memberToken: string, role: string) => {
    const invited = await call(INVITE, { input: { organizationId, email: `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.com`, role } }, inviterToken);
    if (invited.errors) throw new Error(JSON.stringify(invited.errors));
    const accepted = await call(ACCEPT, { token: invited.data!.inviteMember.token }, memberToken);
    if (accepted.errors) throw new Error(JSON.stringify(accepted.errors));
  };
  return {
    auth,
    counter,
    clock,
    call,
    rows,
    create,
    join,
    events: served.events,
    /** Where the subgraph listens: its public paths (the billing webhook) hang off it. */
    origin: served.origin,
    database,
    async close() {
      await served.close();
      await database.drop();
    },
  };
}

export type TenancyApp = Awaited<ReturnType<typeof startTenancy>>;

export const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name slug viewerRole plan { code maxMembers } } }`;
export const FIND = `query($id: ID!) { organization(id: $id) { id name slug viewerRole members { role user { id } } } }`;
export const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token invitation { id email role expiresAt invitedBy { id } } } }`;
export const ACCEPT = `mutation($token: String!) { acceptInvitation(token: $token) { role organization { id name } user { id } } }`;
export const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) }`;
export const CHANGE_ROLE = `mutation($o: ID!, $u: ID!, $role: OrganizationRole!) { changeMemberRole(organizationId: $o, userId: $u, role: $role) { role } }`;
export const REMOVE = `mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }`;
export const LEAVE = `mutation($o: ID!) { leaveOrganization(organizationId: $o) }`;
export const TRANSFER = `mutation($o: ID!, $u: ID!) { transferOwnership(organizationId: $o, toUserId: $u) { id } }`;
export const AUDIT = `query($id: ID!) { organization(id: $id) { auditLog(first: 50) { action actor { id } subject { id } email role previousRole } pendingInvitations { email role } } }`;
export const ORGS_OF = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { organizations { role organization { name } } } } }`;
export const MEMBERS_OF = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization { name members { role user { id } } } } }`;
