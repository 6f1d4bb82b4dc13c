import { API_CALLS_METER, decodeId, encodeId, monthlyUsageKey, UserInputError, utcMonthOf } from '@mosaic/kit';
import type { Context } from '../context';
import type { OrganizationRow } from '../data/tables';
import { requireMembership } from './organizations';
import { planOf } from './plans';

/** The counter the gateway's metering adds this organisation's operations of `period` to. */
export const apiCallsKey = (organizationId: string, period: string) => monthlyUsageKey(API_CALLS_METER, organizationId, period);

export interface UsageView {
  apiCalls: number;
  apiCallsLimit: number | null;
  period: string;
  resetsAt: Date;
}

/** `Organization.usage`: members only; one counter read per request batch (the loader), whatever the number of organisations. */
export async function usageOf(ctx: Pick<Context, 'auth' | 'loaders' | 'now'>, organization: OrganizationRow): Promise<UsageView> {
  await requireMembership(ctx, organization.id);
  const month = utcMonthOf(ctx.now());
  const apiCalls = await ctx.loaders.apiCallsThisMonth.load(apiCallsKey(organization.id, month.period));
  return { apiCalls, apiCallsLimit: planOf(organization.plan).maxApiCallsPerMonth, period: month.period, resetsAt: month.endsAt };
}

export interface Entitlements {
  organizationId: string;
  plan: string;
  planName: string;
  maxApiCallsPerMonth: number | null;
}

const MAX_IDS = 100;

/**
 * The gateway's metering asks for the plans of the organisations it sees in tokens. No viewer:
 * the field is `@inaccessible` (absent from the API the gateway serves), so the only caller that
 * can reach it with a valid gateway signature is the gateway itself; it reveals plan limits only.
 */
export async function entitlementsOf(ctx: Pick<Context, 'loaders'>, ids: readonly string[]): Promise<(Entitlements | null)[]> {
  if (ids.length < 1 || ids.length > MAX_IDS) throw new UserInputError(`ids must hold 1 to ${MAX_IDS} organization ids.`, 'ids');
  const rows = await ctx.loaders.organizationById.loadMany(ids.map((id) => decodeId('Organization', id)));
  return rows.map((row) => {
    if (!row || row instanceof Error) return null;
    const plan = planOf(row.plan);
    return { organizationId: encodeId('Organization', row.id), plan: plan.code, planName: plan.name, maxApiCallsPerMonth: plan.maxApiCallsPerMonth };
  });
}
