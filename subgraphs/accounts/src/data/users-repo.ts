import { asc, eq, inArray } from 'drizzle-orm';
import { isUniqueViolation, ConflictError, type Db } from '@mosaic/kit';
import { afterCreatedAtCursor } from './created-at-keyset';
import { users, type UserRow } from './tables';

export type NewUser = typeof users.$inferInsert;

export class EmailTakenError extends ConflictError {
  constructor() {
    super('An account with this email already exists. Sign in instead, or use another email.', { field: 'input.email' });
  }
}

export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  try {
    const [row] = await db.insert(users).values(user).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) throw new EmailTakenError();
    throw error;
  }
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUsersByIds(db: Db, ids: readonly string[]): Promise<UserRow[]> {
  return db.select().from(users).where(inArray(users.id, [...ids]));
}

/** Keyset page ordered by (created_at, id); fetches one extra row to tell whether more exist. */
export async function listUsers(db: Db, limit: number, after?: string | null): Promise<UserRow[]> {
  return db.select().from(users).where(afterCreatedAtCursor(users.createdAt, users.id, after)).orderBy(asc(users.createdAt), asc(users.id)).limit(limit + 1);
}

export const userCursorKey = (user: UserRow) => [user.createdAt.toISOString(), user.id] as const;

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId));
}

export async function updateRoles(db: Db, userId: string, roles: string[], now: Date): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set({ roles, updatedAt: now }).where(eq(users.id, userId)).returning();
  return row;
}

export async function updateTimeZone(db: Db, userId: string, timeZone: string, now: Date): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set({ timeZone, updatedAt: now }).where(eq(users.id, userId)).returning();
  return row;
}

/** Removes the user; their refresh tokens go with them (foreign key, on delete cascade). */
export async function deleteUser(db: Db, userId: string): Promise<void> {
  await db.delete(users).where(eq(users.id, userId));
}
