import { createSubgraph, deadLetterAdminResolvers, mergeResolvers, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import { accountEvents } from '@mosaic/accounts/events';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import { fanOutBudgetAlerts } from './domain/live-alerts';
import { startRecurringJob } from './domain/recurring';
import { createRateBook } from './domain/fx/rate-book';
import type { ExpensesSettings } from './env';
import { expensesEvents } from './events';
import { createRatesProvider } from './providers/rates/create-rates-provider';
import { resolvers } from './resolvers';

export function buildSubgraph(deps: BuildDeps, settings: ExpensesSettings): BuiltSubgraph {
  const rates = createRateBook({ db: deps.db, provider: createRatesProvider(settings.rates, deps), log: deps.log });
  const events = deps.events.outbox(expensesEvents);
  // Live alerts are fed by the relay, so a committed alert always reaches connected subscribers.
  deps.events.on(expensesEvents, 'budget.threshold-crossed', fanOutBudgetAlerts(deps.pubsub), { group: 'live', inbox: false, retryInPlace: true });
  // Per-user data goes with the account (at least once; the inbox makes a repeat change nothing).
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount, { group: 'account-deleted' });
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers(deps.name, deps.events)),
    context: (base) => ({ ...base, db: deps.db, now: deps.now, settings, rates, events, pubsub: deps.pubsub, loaders: createLoaders(deps.db) }),
  });
  const stopJob = startRecurringJob({ db: deps.db, rates, events, now: deps.now, log: deps.log }, settings.recurringIntervalMs);
  return { subgraph, close: stopJob };
}
