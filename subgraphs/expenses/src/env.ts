import { z } from 'zod';

/**
 * The subgraph's settings (README "Configuration"). Rates come from the offline table unless
 * EXPENSES_RATES_PROVIDER=ecb: `pnpm start` works with no network.
 */
export const expensesEnv = z
  .object({
    EXPENSES_MAX_ACCOUNTS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(100),
    EXPENSES_RATES_PROVIDER: z.enum(['offline', 'ecb']).default('offline'),
    /** The ECB's euro foreign exchange reference rates (its documented XML files live under this). */
    EXPENSES_ECB_URL: z.url().default('https://www.ecb.europa.eu/stats/eurofxref'),
    EXPENSES_RATES_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** How often the job posts due recurring transactions (it also runs at start). */
    EXPENSES_RECURRING_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  })
  .transform((e) => ({
    maxAccountsPerUser: e.EXPENSES_MAX_ACCOUNTS_PER_USER,
    recurringIntervalMs: e.EXPENSES_RECURRING_INTERVAL_MS,
    rates: e.EXPENSES_RATES_PROVIDER === 'ecb' ? { kind: 'ecb' as const, url: e.EXPENSES_ECB_URL.replace(/\/$/, ''), timeoutMs: e.EXPENSES_RATES_TIMEOUT_MS } : { kind: 'offline' as const },
  }));

export type ExpensesSettings = z.output<typeof expensesEnv>;
