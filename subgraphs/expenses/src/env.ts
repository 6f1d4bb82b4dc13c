import { z } from 'zod';

/** EXPENSES_MAX_PER_USER: how many expenseAccounts one user may keep (a bound on what one account can store). */
export const expensesEnv = z
  .object({ EXPENSES_MAX_PER_USER: z.coerce.number().int().min(1).max(1_000_000).default(1_000) })
  .transform((e) => ({ maxPerUser: e.EXPENSES_MAX_PER_USER }));

export type ExpensesSettings = z.output<typeof expensesEnv>;
