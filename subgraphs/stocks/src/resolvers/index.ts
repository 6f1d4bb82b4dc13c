import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { Candle } from './Candle';
import { CandleConnection } from './CandleConnection';
import { Instrument } from './Instrument';
import { addWatchlistSymbols } from './Mutation/addWatchlistSymbols';
import { createPriceAlert } from './Mutation/createPriceAlert';
import { createWatchlist } from './Mutation/createWatchlist';
import { deletePriceAlert } from './Mutation/deletePriceAlert';
import { deleteWatchlist } from './Mutation/deleteWatchlist';
import { importCandles } from './Mutation/importCandles';
import { rearmPriceAlert } from './Mutation/rearmPriceAlert';
import { removeWatchlistSymbols } from './Mutation/removeWatchlistSymbols';
import { renameWatchlist } from './Mutation/renameWatchlist';
import { reorderWatchlistSymbols } from './Mutation/reorderWatchlistSymbols';
import { PriceAlert } from './PriceAlert';
import { PriceAlertTrigger } from './PriceAlertTrigger';
import { instrument } from './Query/instrument';
import { instruments } from './Query/instruments';
import { Quote } from './Quote';
import { candles } from './Subscription/candles';
import { priceAlertTriggered } from './Subscription/priceAlertTriggered';
import { quotes } from './Subscription/quotes';
import { User } from './User';
import { Watchlist } from './Watchlist';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { instrument, instruments },
  Mutation: {
    createWatchlist,
    renameWatchlist,
    deleteWatchlist,
    addWatchlistSymbols,
    removeWatchlistSymbols,
    reorderWatchlistSymbols,
    createPriceAlert,
    deletePriceAlert,
    rearmPriceAlert,
    importCandles,
  },
  Subscription: { quotes, candles, priceAlertTriggered },
  User,
  Instrument,
  Quote,
  Candle,
  CandleConnection,
  Watchlist,
  PriceAlert,
  PriceAlertTrigger,
};
