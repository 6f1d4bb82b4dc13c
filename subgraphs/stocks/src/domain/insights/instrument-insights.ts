import { UserInputError } from '@mosaic/kit';
import type { Context } from '../../context';
import type { CandleRow, InstrumentRow } from '../../data/tables';
import { INTERVAL_MS, type CandleInterval } from '../intervals';
import { FORECAST_DISCLAIMER, FORECAST_LOOKBACK, MAX_HORIZON, MIN_HORIZON, forecastPrices, minimumCandles, type ForecastPoint } from './forecast';
import { INDICATOR_LOOKBACK, computeIndicators, type IndicatorValues } from './indicators';
import type { BacktestResult } from './backtest';

/** The most recent `count` candles, oldest first — through the batched page loader, so a list of instruments costs one statement. */
async function recentCandles(ctx: Pick<Context, 'loaders'>, symbol: string, interval: CandleInterval, count: number): Promise<CandleRow[]> {
  const rows = await ctx.loaders.candlePage.load({ parentId: symbol, query: { interval, from: null, to: null, direction: 'BACKWARD', cursor: null, limit: count } });
  return rows.slice(0, count).reverse();
}

export interface IndicatorsModel extends IndicatorValues {
  interval: CandleInterval;
  candles: number;
  asOf: Date | null;
}

export async function instrumentIndicators(ctx: Pick<Context, 'loaders'>, instrument: InstrumentRow, interval: CandleInterval): Promise<IndicatorsModel> {
  const rows = await recentCandles(ctx, instrument.symbol, interval, INDICATOR_LOOKBACK);
  const values = computeIndicators(
    rows.map((row) => ({ start: row.start.getTime(), high: row.high, low: row.low, close: row.close, volume: row.volume })),
    interval,
  );
  return { ...values, interval, candles: rows.length, asOf: rows.at(-1)?.start ?? null };
}

export interface ForecastModel {
  symbol: string;
  interval: CandleInterval;
  horizon: number;
  basedOn: Date;
  lastClose: number;
  points: (ForecastPoint & { at: Date })[];
  model: string;
  backtest: BacktestResult;
  disclaimer: string;
}

export async function instrumentForecast(
  ctx: Pick<Context, 'loaders' | 'forecasts'>,
  instrument: InstrumentRow,
  args: { horizon: number; interval: CandleInterval },
): Promise<ForecastModel> {
  const { horizon, interval } = args;
  if (!Number.isInteger(horizon) || horizon < MIN_HORIZON || horizon > MAX_HORIZON) {
    throw new UserInputError(`"horizon" must be between ${MIN_HORIZON} and ${MAX_HORIZON} ${interval} candles ahead.`, 'horizon');
  }
  const rows = await recentCandles(ctx, instrument.symbol, interval, FORECAST_LOOKBACK);
  const needed = minimumCandles(horizon);
  const last = rows.at(-1);
  if (!last || rows.length < needed) {
    throw new UserInputError(
      `${instrument.symbol} has ${rows.length} ${interval} candles; a ${horizon}-step forecast needs at least ${needed} (to fit the model and backtest it). Try a shorter horizon or interval, or wait for more history.`,
      'horizon',
    );
  }
  const key = `${instrument.symbol} ${interval} ${horizon} ${last.start.getTime()} ${last.close} ${rows.length}`;
  const forecast = ctx.forecasts.getOrCompute(key, () => forecastPrices(rows.map((row) => row.close), horizon))!;
  const step = INTERVAL_MS[interval];
  return {
    symbol: instrument.symbol,
    interval,
    horizon,
    basedOn: last.start,
    lastClose: last.close,
    points: forecast.points.map((point) => ({ ...point, at: new Date(last.start.getTime() + point.step * step) })),
    model: forecast.description,
    backtest: forecast.backtest,
    disclaimer: FORECAST_DISCLAIMER,
  };
}
