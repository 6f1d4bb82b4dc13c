import { count, eq, inArray } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { organizations, type OrganizationRow } from './tables';

export async function insertOrganization(db: Db, row: OrganizationRow): Promise<OrganizationRow> {
  const [inserted] = await db.insert(organizations).values(row).returning();
  return inserted!;
}

export function findOrganizationsByIds(db: Db, ids: readonly string[]): Promise<OrganizationRow[]> {
  return db.select().from(organizations).where(inArray(organizations.id, [...ids]));
}

export async function findOrganizationBySlug(db: Db, slug: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  return row;
}

/**
 * The organisation, locked until the transaction ends: every change to its members takes this
 * lock first, so two concurrent changes cannot both leave it without an owner.
 */
export async function lockOrganization(db: Db, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).for('update');
  return row;
}

export async function deleteOrganization(db: Db, id: string): Promise<void> {
  await db.delete(organizations).where(eq(organizations.id, id));
}

export async function countOrganizationsCreatedBy(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organizations).where(eq(organizations.createdBy, userId));
  return row!.n;
}

export async function updateOrganizationPlan(db: Db, id: string, plan: string): Promise<OrganizationRow> {
  const [row] = await db.update(organizations).set({ plan }).where(eq(organizations.id, id)).returning();
  return row!;
}
