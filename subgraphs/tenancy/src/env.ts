import { z } from 'zod';

/** TENANCY_MAX_PER_USER: how many organizations one user may keep (a bound on what one account can store). */
export const tenancyEnv = z
  .object({ TENANCY_MAX_PER_USER: z.coerce.number().int().min(1).max(1_000_000).default(1_000) })
  .transform((e) => ({ maxPerUser: e.TENANCY_MAX_PER_USER }));

export type TenancySettings = z.output<typeof tenancyEnv>;
