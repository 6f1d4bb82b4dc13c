import DataLoader from 'dataloader';
import { groupLoader, parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
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
 * watchlists and symbols). List loaders with arguments are keyed by (parent, arguments): parents
 * that share the arguments are one statement.
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
  candlePage: DataLoader<ParentKey<CandleRange>, CandleRow[], string>;
  triggerPage: DataLoader<ParentKey<TriggerPageQuery>, PriceAlertTriggerRow[], string>;
}

const identity = (id: string) => id;

export function createLoaders(db: Db): Loaders {
  return {
    quote: new DataLoader(
      async (symbols: readonly string[]) => {
        const bySymbol = new Map((await findQuotes(db, symbols)).map((row) => [row.symbol, row]));
        return symbols.map((symbol) => bySymbol.get(symbol) ?? null);
      },
      { cache: false },
    ),
    watchlistsOf: groupLoader((owners: readonly string[]) => findWatchlistsOfOwners(db, owners), (row) => row.ownerId, identity),
    symbolsOf: groupLoader((ids: readonly string[]) => findSymbolsOfWatchlists(db, ids), (row) => row.watchlistId, identity),
    alertsOf: groupLoader((owners: readonly string[]) => findAlertsOfOwners(db, owners), (row) => row.ownerId, identity),
    alert: rowLoader((ids: readonly string[]) => findAlertsByIds(db, ids), (row) => row.id),
    candlePage: parentQueryLoader((symbols, range: CandleRange) => findCandlePages(db, symbols, range), (row) => row.symbol, (rows) => rows),
    triggerPage: parentQueryLoader((owners, query: TriggerPageQuery) => findTriggerPages(db, owners, query), (row) => row.ownerId, (rows) => rows),
  };
}
