import { encodeId } from '@mosaic/kit';
import { candlePage } from '../domain/candle-history';
import { instrumentForecast, instrumentIndicators } from '../domain/insights/instrument-insights';
import { quoteOf } from '../domain/quotes';
import type { InstrumentResolvers } from '../resolvers.generated';

export const Instrument: InstrumentResolvers = {
  /** `_entities`: instruments are public reference data; an unknown symbol resolves to null. */
  __resolveReference: (reference, ctx) => ctx.catalog.get(reference.symbol) ?? null,
  id: (instrument) => encodeId('Instrument', instrument.id),
  quote: (instrument, _args, ctx) => quoteOf(ctx, instrument.symbol),
  candles: (instrument, args, ctx) => candlePage(ctx, instrument, args),
  indicators: (instrument, args, ctx) => instrumentIndicators(ctx, instrument, args.interval),
  forecast: (instrument, args, ctx) => instrumentForecast(ctx, instrument, args),
};
