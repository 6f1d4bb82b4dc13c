import type { Db, EventHandler } from '@mosaic/kit';
import type { tenancyEvents } from '@mosaic/tenancy/events';
import { applyOrganizationPlan, findOrganizationPlan } from '../data/organization-plans-repo';

/** Whose storage an upload counts against: the uploader's own, or the organisation it was made within. */
export interface UsageAccount {
  ownerId: string;
  /** Raw organisation id of the token's `org_id` at upload time; null for a personal upload. */
  organizationId: string | null;
}

/** The key of the usage row the bytes are charged to. */
export const usageAccountIdOf = (account: UsageAccount) => account.organizationId ?? account.ownerId;

/** How many bytes an account may store. */
export interface QuotaPolicy {
  quotaBytesFor(account: UsageAccount): Promise<number>;
}

/** One setting for everyone (tests, and the fallback below). */
export const settingQuota = (quotaBytes: number): QuotaPolicy => ({ quotaBytesFor: async () => quotaBytes });

/**
 * Personal uploads: FILES_QUOTA_BYTES. Uploads within an organisation: its plan's storage
 * entitlement, from the projection of tenancy's `plan.changed` (unlimited plans: no limit). An
 * organisation whose plan has not reached files yet (an event in flight) gets the personal default.
 */
export const planQuota = (db: Db, personalQuotaBytes: number): QuotaPolicy => ({
  async quotaBytesFor(account) {
    if (!account.organizationId) return personalQuotaBytes;
    const plan = await findOrganizationPlan(db, account.organizationId);
    if (!plan) return personalQuotaBytes;
    return plan.storageBytes === null ? Number.MAX_SAFE_INTEGER : Number(plan.storageBytes > BigInt(Number.MAX_SAFE_INTEGER) ? BigInt(Number.MAX_SAFE_INTEGER) : plan.storageBytes);
  },
});

/** Keeps the projection of tenancy's plans (at least once; a stale event loses by its time). */
export const applyPlanChange: EventHandler<typeof tenancyEvents, 'plan.changed'> = async (event, { tx }) => {
  const { organizationId, plan, storageBytes, at } = event.payload;
  await applyOrganizationPlan(tx, { organizationId, plan, storageBytes: storageBytes === null ? null : BigInt(storageBytes), changedAt: new Date(at) });
};
