import type { Db, Logger } from '@mosaic/kit';
import { findLastTradeAt } from '../data/candles-repo';
import { findAllQuotes } from '../data/quotes-repo';
import type { FeedSettings } from '../settings';
import type { InstrumentCatalog } from '../domain/instrument-catalog';
import { FinnhubFeed } from './finnhub/feed';
import type { MarketFeed } from './market-feed';
import { SimulatedFeed } from './simulated/feed';
import { profileFor } from './simulated/profiles';
import { parseSession } from '../domain/market/trading-session';

const DAY = 86_400_000;

/** The feed the settings ask for, continuing from what the database already holds. */
export async function createFeed(settings: FeedSettings, deps: { db: Db; log: Logger; now: () => Date; catalog: InstrumentCatalog }): Promise<MarketFeed> {
  if (settings.kind === 'finnhub') {
    const instruments = new Map(
      deps.catalog
        .all()
        .filter((row) => row.providerSymbol !== null)
        .map((row) => [row.symbol, { providerSymbol: row.providerSymbol!, priceDecimals: row.priceDecimals }]),
    );
    return new FinnhubFeed({ apiKey: settings.apiKey, wsUrl: settings.wsUrl, restUrl: settings.restUrl, log: deps.log, instruments });
  }
  const now = deps.now().getTime();
  const lastTradeAt = await findLastTradeAt(deps.db);
  const earliest = now - settings.warmUpDays * DAY;
  // Resume after the last stored trade, but never replay more than warmUpDays.
  const warmUpFrom = settings.warmUpDays > 0 ? new Date(Math.max(earliest, lastTradeAt?.getTime() ?? earliest)) : null;
  const startPrices = new Map((await findAllQuotes(deps.db)).map((row) => [row.symbol, row.last]));
  return new SimulatedFeed({
    profiles: deps.catalog.all().map((row) => profileFor(row.symbol)),
    seed: settings.seed,
    ticksPerSecond: settings.ticksPerSecond,
    session: parseSession(settings.session),
    now: deps.now,
    log: deps.log,
    startPrices,
    warmUpFrom,
  });
}
