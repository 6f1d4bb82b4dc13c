import { eq } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { users } from '../data/tables';
import type { RoleName } from './users';

/** Seeding only (all-in-one demo data): gives an existing account a role, e.g. the first admin. */
export async function grantRole(db: Db, email: string, role: RoleName): Promise<void> {
  const [user] = await db.select({ roles: users.roles }).from(users).where(eq(users.email, email));
  if (!user || user.roles.includes(role)) return;
  await db.update(users).set({ roles: [...user.roles, role].sort(), updatedAt: new Date() }).where(eq(users.email, email));
}
