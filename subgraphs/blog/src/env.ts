import { z } from 'zod';

/** BLOG_MAX_PER_USER: how many posts one user may keep (a bound on what one account can store). */
export const blogEnv = z
  .object({ BLOG_MAX_PER_USER: z.coerce.number().int().min(1).max(1_000_000).default(1_000) })
  .transform((e) => ({ maxPerUser: e.BLOG_MAX_PER_USER }));

export type BlogSettings = z.output<typeof blogEnv>;
