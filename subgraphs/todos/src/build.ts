import { createSubgraph, deadLetterAdminResolvers, mergeResolvers, tenantDb, tenantScopeOf, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import type { Context } from './context';
import { accountEvents } from '@mosaic/accounts/events';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import { followAccounts, KNOWN_USER_EVENTS } from './domain/known-users';
import { fanOutReminderDue } from './domain/live-reminders';
import { reminderScheduler, type ReminderScheduler } from './domain/reminder-scheduler';
import type { TodosSettings } from './env';
import { todoEvents } from './events';
import { resolvers } from './resolvers';

export interface BuiltTodos extends BuiltSubgraph {
  /** For tests: run a reminder step now. */
  reminders: ReminderScheduler;
  close: () => Promise<void>;
}

/**
 * The GraphQL subgraph, and the scheduler that fires due reminders (on every replica; they share
 * the work through SKIP LOCKED) as `reminder.due` events, which the relay brings back here to the
 * owners' `reminders` streams.
 */
export function buildSubgraph(deps: BuildDeps, settings: TodosSettings): BuiltTodos {
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount, { group: 'account-deleted' });
  // Who exists, and their time zone: one group, so each user's events apply in order.
  deps.events.on(accountEvents, KNOWN_USER_EVENTS, followAccounts, { group: 'known-users' });
  deps.events.on(todoEvents, 'reminder.due', fanOutReminderDue(deps.pubsub), { group: 'live', inbox: false, retryInPlace: true });
  const events = deps.events.outbox(todoEvents);
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers(deps.name, deps.events)),
    context: (base) => {
      // Row-level security: every statement of this request runs bound to the verified token's user and organisation.
      const db = tenantDb(deps.db, tenantScopeOf(base.auth));
      return { ...base, db, now: deps.now, pubsub: deps.pubsub, loaders: createLoaders(db, deps.now, base.viewer?.userId ?? null) };
    },
  });
  // Reminders are per user across every tenant; the table has no tenant_id and no row-level security, so the scheduler reads it unbound.
  const reminders = reminderScheduler({ db: deps.db, events, now: deps.now, log: deps.log.child({ subgraph: deps.name, job: 'reminder-scheduler' }), intervalMs: settings.reminderIntervalMs });
  reminders.start();
  return { subgraph, reminders, close: () => reminders.close() };
}
