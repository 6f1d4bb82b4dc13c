import { eq } from 'drizzle-orm';
import type { Db, DemoAccountName, SeedContext } from '@mosaic/kit';
import { users } from '../data/tables';
import { findUserByEmail } from '../data/users-repo';
import { normalizeEmail } from './credentials';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;

/**
 * Seeding (all-in-one demo data): signs a demo account in through the API, registering it first
 * when it does not exist; the demo admin gets the admin role (which no API grants to a first user).
 */
export async function demoSession(seed: SeedContext, name: DemoAccountName): Promise<string> {
  const account = seed.demo[name];
  if (!(await findUserByEmail(seed.db, normalizeEmail(account.email)))) {
    await seed.graphql(REGISTER, { input: account });
    if (name === 'admin') await grantRole(seed.db, account.email, 'admin');
  }
  const { login } = await seed.graphql<{ login: { accessToken: string } }>(LOGIN, { input: { email: account.email, password: account.password } });
  return login.accessToken;
}

/** Seeding and tests: gives an existing account a role, e.g. the first admin. */
export async function grantRole(db: Db, email: string, role: string): Promise<void> {
  const [user] = await db.select({ roles: users.roles }).from(users).where(eq(users.email, normalizeEmail(email)));
  if (!user || user.roles.includes(role)) return;
  await db.update(users).set({ roles: [...user.roles, role].sort(), updatedAt: new Date() }).where(eq(users.email, normalizeEmail(email)));
}
