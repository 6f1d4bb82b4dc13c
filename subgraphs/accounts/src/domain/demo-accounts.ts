import { asc, eq, isNotNull, and } from 'drizzle-orm';
import type { Db, DemoAccountName, SeedContext } from '@mosaic/kit';
import { organizationMemberships, users } from '../data/tables';
import { setSessionOrganization } from '../data/organization-memberships-repo';
import { findUserByEmail } from '../data/users-repo';
import { normalizeEmail } from './credentials';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`;

/** How long seeding waits for tenancy's membership event to reach the projection (in process: milliseconds). */
const PROJECTION_WAIT_MS = 15_000;

/**
 * Seeding (all-in-one demo data): signs a demo account in through the API, registering it first
 * when it does not exist; the demo admin gets the admin role (which no API grants to a first user).
 * `inOrganization`: the session is switched to the account's oldest organisation and the token
 * comes from a refresh — the same path switchOrganization's sessions take.
 */
export async function demoSession(seed: SeedContext, name: DemoAccountName, options: { inOrganization?: boolean } = {}): Promise<string> {
  const account = seed.demo[name];
  if (!(await findUserByEmail(seed.db, normalizeEmail(account.email)))) {
    await seed.graphql(REGISTER, { input: account });
    if (name === 'admin') await grantRole(seed.db, account.email, 'admin');
  }
  const { login } = await seed.graphql<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, { input: { email: account.email, password: account.password } });
  if (!options.inOrganization) return login.accessToken;
  const claims = JSON.parse(Buffer.from(login.accessToken.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string; sid: string };
  const organizationId = await firstOrganizationOf(seed.db, claims.sub);
  await setSessionOrganization(seed.db, claims.sid, organizationId);
  const { refreshSession } = await seed.graphql<{ refreshSession: { accessToken: string } }>(REFRESH, { t: login.refreshToken });
  return refreshSession.accessToken;
}

/** The user's oldest organisation, once tenancy's event has reached the projection. */
async function firstOrganizationOf(db: Db, userId: string): Promise<string> {
  const deadline = Date.now() + PROJECTION_WAIT_MS;
  for (;;) {
    const [row] = await db
      .select({ organizationId: organizationMemberships.organizationId })
      .from(organizationMemberships)
      .where(and(eq(organizationMemberships.userId, userId), isNotNull(organizationMemberships.role)))
      .orderBy(asc(organizationMemberships.changedAt))
      .limit(1);
    if (row) return row.organizationId;
    if (Date.now() > deadline) throw new Error('Seeding: the demo account belongs to no organization (is the tenancy subgraph seeded before this one?).');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Seeding and tests: gives an existing account a role, e.g. the first admin. */
export async function grantRole(db: Db, email: string, role: string): Promise<void> {
  const [user] = await db.select({ roles: users.roles }).from(users).where(eq(users.email, normalizeEmail(email)));
  if (!user || user.roles.includes(role)) return;
  await db.update(users).set({ roles: [...user.roles, role].sort(), updatedAt: new Date() }).where(eq(users.email, normalizeEmail(email)));
}
