import { z } from 'zod';

/** LINKS_MAX_PER_USER: how many links one user may keep (a bound on what one account can store). */
export const linksEnv = z
  .object({ LINKS_MAX_PER_USER: z.coerce.number().int().min(1).max(1_000_000).default(1_000) })
  .transform((e) => ({ maxPerUser: e.LINKS_MAX_PER_USER }));

export type LinksSettings = z.output<typeof linksEnv>;
