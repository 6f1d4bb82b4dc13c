import { QuotaExceededError } from '@mosaic/kit';

/** What a plan allows; null = unlimited. The one place quotas are read (files' storage seam included). */
export interface Plan {
  code: string;
  name: string;
  maxMembers: number | null;
  maxApiCallsPerMonth: number | null;
  storageBytes: bigint | null;
  /** Monthly price per organisation in minor units (euro cents). */
  priceMinor: bigint;
}

const GIB = 1024n ** 3n;

export const PLANS: readonly Plan[] = [
  { code: 'free', name: 'Free', maxMembers: 3, maxApiCallsPerMonth: 10_000, storageBytes: 1n * GIB, priceMinor: 0n },
  { code: 'team', name: 'Team', maxMembers: 25, maxApiCallsPerMonth: 1_000_000, storageBytes: 100n * GIB, priceMinor: 2_900n },
  { code: 'business', name: 'Business', maxMembers: null, maxApiCallsPerMonth: null, storageBytes: 1024n * GIB, priceMinor: 9_900n },
];

export const DEFAULT_PLAN = 'free';

export function planOf(code: string): Plan {
  const plan = PLANS.find((candidate) => candidate.code === code);
  if (!plan) throw new Error(`Unknown plan "${code}".`);
  return plan;
}

/** Refuses growing to `wanted` members (members + open invitations) beyond the plan. */
export function assertMemberQuota(planCode: string, wanted: number): void {
  const plan = planOf(planCode);
  if (plan.maxMembers !== null && wanted > plan.maxMembers) {
    throw new QuotaExceededError(
      `The ${plan.name} plan allows ${plan.maxMembers} members (open invitations count). Remove a member or an invitation, or upgrade the plan.`,
      { quota: 'members', limit: plan.maxMembers, plan: plan.code },
    );
  }
}

export const PAID_PLANS = PLANS.filter((plan) => plan.priceMinor > 0n).map((plan) => plan.code);

/**
 * What a mid-period change costs (positive) or credits (negative): the unused part of the period
 * at the new price minus the same at the old price, rounded down to a minor unit — Stripe's
 * `create_prorations` behaviour for a flat monthly price.
 */
export function prorationMinor(from: Plan, to: Plan, periodStart: Date, periodEnd: Date, at: Date): bigint {
  const total = BigInt(Math.max(1, periodEnd.getTime() - periodStart.getTime()));
  const unused = BigInt(Math.max(0, Math.min(periodEnd.getTime() - at.getTime(), Number(total))));
  return ((to.priceMinor - from.priceMinor) * unused) / total;
}
