import { eq, lte, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { organizationPlans, type OrganizationPlanRow } from './tables';

/** Upserts the plan unless what is stored is newer (a replayed or reordered event). */
export async function applyOrganizationPlan(db: Db, row: OrganizationPlanRow): Promise<void> {
  await db
    .insert(organizationPlans)
    .values(row)
    .onConflictDoUpdate({
      target: organizationPlans.organizationId,
      set: { plan: sql`excluded.plan`, storageBytes: sql`excluded.storage_bytes`, changedAt: sql`excluded.changed_at` },
      setWhere: lte(organizationPlans.changedAt, sql`excluded.changed_at`),
    });
}

export async function findOrganizationPlan(db: Db, organizationId: string): Promise<OrganizationPlanRow | undefined> {
  const [row] = await db.select().from(organizationPlans).where(eq(organizationPlans.organizationId, organizationId));
  return row;
}
