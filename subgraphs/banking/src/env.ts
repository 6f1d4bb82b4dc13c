import { z } from 'zod';

/** BANKING_MAX_PER_USER: how many bankAccounts one user may keep (a bound on what one account can store). */
export const bankingEnv = z
  .object({ BANKING_MAX_PER_USER: z.coerce.number().int().min(1).max(1_000_000).default(1_000) })
  .transform((e) => ({ maxPerUser: e.BANKING_MAX_PER_USER }));

export type BankingSettings = z.output<typeof bankingEnv>;
