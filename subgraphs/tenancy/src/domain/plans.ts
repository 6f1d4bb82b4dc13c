import { QuotaExceededError } from '@mosaic/kit';

/** What a plan allows; null = unlimited. The one place quotas are read (files' storage seam included). */
export interface Plan {
  code: string;
  name: string;
  maxMembers: number | null;
  maxApiCallsPerMonth: number | null;
  storageBytes: bigint | null;
}

const GIB = 1024n ** 3n;

export const PLANS: readonly Plan[] = [
  { code: 'free', name: 'Free', maxMembers: 3, maxApiCallsPerMonth: 10_000, storageBytes: 1n * GIB },
  { code: 'team', name: 'Team', maxMembers: 25, maxApiCallsPerMonth: 1_000_000, storageBytes: 100n * GIB },
  { code: 'business', name: 'Business', maxMembers: null, maxApiCallsPerMonth: null, storageBytes: 1024n * GIB },
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
