import { z } from 'zod';

/** FILES_MAX_PER_USER: how many files one user may keep (a bound on what one account can store). */
export const filesEnv = z
  .object({ FILES_MAX_PER_USER: z.coerce.number().int().min(1).max(1_000_000).default(1_000) })
  .transform((e) => ({ maxPerUser: e.FILES_MAX_PER_USER }));

export type FilesSettings = z.output<typeof filesEnv>;
