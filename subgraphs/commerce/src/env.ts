import { z } from 'zod';

/** COMMERCE_MAX_PER_USER: how many products one user may keep (a bound on what one account can store). */
export const commerceEnv = z
  .object({ COMMERCE_MAX_PER_USER: z.coerce.number().int().min(1).max(1_000_000).default(1_000) })
  .transform((e) => ({ maxPerUser: e.COMMERCE_MAX_PER_USER }));

export type CommerceSettings = z.output<typeof commerceEnv>;
