import { z } from 'zod';

/**
 * TENANCY_MAX_ORGANIZATIONS_PER_USER: how many organisations one user may create (a bound on what
 * one account can store); TENANCY_INVITATION_TTL_HOURS: how long an invitation stays valid.
 */
export const tenancyEnv = z
  .object({
    TENANCY_MAX_ORGANIZATIONS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(100),
    TENANCY_INVITATION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(24 * 7),
  })
  .transform((e) => ({ maxOrganizationsPerUser: e.TENANCY_MAX_ORGANIZATIONS_PER_USER, invitationTtlMs: e.TENANCY_INVITATION_TTL_HOURS * 3_600_000 }));

export type TenancySettings = z.output<typeof tenancyEnv>;
