import { z } from 'zod';

/** Todos' own variables (README: Configuration). Defaults suit a local `pnpm start`. */
export const todosEnv = z
  .object({
    /** How often each replica looks for reminders that are due (they share the work through SKIP LOCKED). */
    TODOS_REMINDER_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(5_000),
  })
  .transform((e) => ({ reminderIntervalMs: e.TODOS_REMINDER_INTERVAL_MS }));

export type TodosSettings = z.output<typeof todosEnv>;
