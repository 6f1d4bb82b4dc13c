import DataLoader from 'dataloader';
import { groupLoader, rowLoader, type Db } from '@mosaic/kit';
import { findAlertsByIds, findAlertsOfOwners, findTriggerPages } from './alerts-repo';
import { findCandlePages, type CandleRange } from './candles-repo';
import { findQuotes } from './quotes-repo';
import type { CandleRow, PriceAlertRow, PriceAlertTriggerRow, QuoteRow, WatchlistRow, WatchlistSymbolRow } from './tables';
import { findSymbolsOfWatchlists, findWatchlistsOfOwners } from './watchlists-repo';

export interface TriggerPageQuery {
  limit: number;
  after: { triggeredAt: string; id: string } | null;
}

/**
 * Per-request loaders: every list that crosses a relation costs one statement per field, however
 * long the list (`watchlists { instruments { quote } }` is three statements for any number of
 * watchlists and symbols). List loaders with arguments are keyed by the arguments: one loader per
 * distinct set, batching every parent asked for in the same tick.
 */
export interface Loaders {
  /**
   * Not cached: a subscription keeps its context (and loaders) for its whole life, and a quote
   * read by an event must be the current one. Batching still applies within a tick.
   */
  quote: DataLoader<string, QuoteRow | null>;
  watchlistsOf: DataLoader<string, WatchlistRow[], string>;
  symbolsOf: DataLoader<string, WatchlistSymbolRow[], string>;
  alertsOf: DataLoader<string, PriceAlertRow[], string>;
  alert: DataLoader<string, PriceAlertRow | null>;
  candlePages(range: CandleRange): DataLoader<string, CandleRow[], string>;
  triggerPages(query: TriggerPageQuery): DataLoader<string, PriceAlertTriggerRow[], string>;
  /** After a write, lists read earlier in the request may be stale. */
  forgetLists(): void;
}

const identity = (id: string) => id;

export function createLoaders(db: Db): Loaders {
  const candlePages = new Map<string, DataLoader<string, CandleRow[], string>>();
  const triggerPages = new Map<string, DataLoader<string, PriceAlertTriggerRow[], string>>();
  const watchlistsOf = groupLoader((owners: readonly string[]) => findWatchlistsOfOwners(db, owners), (row) => row.ownerId, identity);
  const symbolsOf = groupLoader((ids: readonly string[]) => findSymbolsOfWatchlists(db, ids), (row) => row.watchlistId, identity);
  const alertsOf = groupLoader((owners: readonly string[]) => findAlertsOfOwners(db, owners), (row) => row.ownerId, identity);
  const alert = rowLoader((ids: readonly string[]) => findAlertsByIds(db, ids), (row) => row.id);
  return {
    quote: new DataLoader(
      async (symbols: readonly string[]) => {
        const bySymbol = new Map((await findQuotes(db, symbols)).map((row) => [row.symbol, row]));
        return symbols.map((symbol) => bySymbol.get(symbol) ?? null);
      },
      { cache: false },
    ),
    watchlistsOf,
    symbolsOf,
    alertsOf,
    alert,
    candlePages(range) {
      return memo(candlePages, JSON.stringify(range), () => groupLoader((symbols: readonly string[]) => findCandlePages(db, symbols, range), (row) => row.symbol, identity));
    },
    triggerPages(query) {
      return memo(triggerPages, JSON.stringify(query), () => groupLoader((owners: readonly string[]) => findTriggerPages(db, owners, query), (row) => row.ownerId, identity));
    },
    forgetLists() {
      watchlistsOf.clearAll();
      symbolsOf.clearAll();
      alertsOf.clearAll();
      alert.clearAll();
      triggerPages.clear();
    },
  };
}

function memo<K, V>(cache: Map<K, V>, key: K, create: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = create()));
  return value;
}
