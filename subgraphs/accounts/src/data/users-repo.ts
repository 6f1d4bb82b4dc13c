import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { decodeCursor, isUniqueViolation, ConflictError, type Db } from '@mosaic/kit';
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
  const keyset = after ? decodeCursor(after, 2) : null;
  const condition = keyset
    ? or(gt(users.createdAt, new Date(String(keyset[0]))), and(eq(users.createdAt, new Date(String(keyset[0]))), gt(users.id, String(keyset[1]))))
    : undefined;
  return db.select().from(users).where(condition).orderBy(asc(users.createdAt), asc(users.id)).limit(limit + 1);
}

export const userCursorKey = (user: UserRow) => [user.createdAt.toISOString(), user.id] as const;

/**
 * Counts a sign-in attempt before the password is checked, atomically, so parallel guesses cannot
 * slip past the limit. Returns false when the account is locked (nothing is counted then). The
 * attempt that reaches `lockAfter` locks the account; a later success unlocks it.
 */
export async function reserveLoginAttempt(db: Db, userId: string, lockAfter: number, lockFor: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({
      failedLoginCount: sql`${users.failedLoginCount} + 1`,
      lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${lockAfter} then ${now.toISOString()}::timestamptz + ${lockFor}::interval else ${users.lockedUntil} end`,
    })
    .where(and(eq(users.id, userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function clearLoginAttempts(db: Db, userId: string): Promise<void> {
  await db.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function lockedUntil(db: Db, userId: string): Promise<Date | null> {
  const [row] = await db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId));
  return row?.lockedUntil ?? null;
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId));
}

export async function updateRoles(db: Db, userId: string, roles: string[], now: Date): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set({ roles, updatedAt: now }).where(eq(users.id, userId)).returning();
  return row;
}

/** Removes the user; their refresh tokens go with them (foreign key, on delete cascade). */
export async function deleteUser(db: Db, userId: string): Promise<void> {
  await db.delete(users).where(eq(users.id, userId));
}
