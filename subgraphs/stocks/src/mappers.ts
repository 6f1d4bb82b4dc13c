import type { Connection } from '@mosaic/kit';
import type { InstrumentRow, PriceAlertRow, PriceAlertTriggerRow, WatchlistRow } from './data/tables';
import type { CandlePage } from './domain/candle-history';
import type { ImportResult } from './domain/import-candles';
import type { ForecastModel, IndicatorsModel } from './domain/insights/instrument-insights';
import type { CandleView, QuoteView } from './domain/live/views';
import type { UserReference } from '@mosaic/kit';

export type UserMapper = UserReference;
export type InstrumentMapper = InstrumentRow;
/** Quotes and candles resolve from the same JSON shape whether read from PostgreSQL or a pub/sub event. */
export type QuoteMapper = QuoteView;
export type CandleMapper = CandleView;
export type CandleConnectionMapper = CandlePage;
export type IndicatorsMapper = IndicatorsModel;
export type ForecastMapper = ForecastModel;
export type WatchlistMapper = WatchlistRow;
export type PriceAlertMapper = PriceAlertRow;
/** From a `priceAlertTriggered` event, the alert as it was right after firing comes along. */
export type PriceAlertTriggerMapper = PriceAlertTriggerRow & { alertSnapshot?: PriceAlertRow };
export type PriceAlertTriggerConnectionMapper = Connection<PriceAlertTriggerRow>;
export type CandleImportResultMapper = ImportResult;
