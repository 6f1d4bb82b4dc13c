import { z } from 'zod';
import { ForbiddenError, validate, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import { replaceCandles } from '../data/candles-repo';
import { parseCandleCsv } from './csv-candles';
import type { InstrumentCatalog } from './instrument-catalog';
import { CANDLE_INTERVALS } from './intervals';

const importInput = z.object({ symbol: z.string(), interval: z.enum(CANDLE_INTERVALS), csv: z.string().min(1, 'must not be empty') });

export interface ImportResult {
  symbol: string;
  interval: (typeof CANDLE_INTERVALS)[number];
  imported: number;
  from: Date | null;
  to: Date | null;
}

/** `importCandles` mutation: admins only (the SDL says so too). */
export async function importCandles(ctx: Pick<Context, 'auth' | 'db' | 'catalog' | 'now'>, input: unknown): Promise<ImportResult> {
  const viewer = ctx.auth.signedIn();
  if (!viewer.roles.includes('admin')) throw new ForbiddenError('Only admins can import candles.');
  return importCandleCsv(ctx, input);
}

/**
 * Parses and stores a CSV of candles for one symbol and interval. Imported candles replace stored
 * ones for the same buckets (history from a better source wins), all in one transaction: a file
 * with a bad row changes nothing. Used by the mutation and the CLI (src/import-candles.ts).
 */
export async function importCandleCsv(deps: { db: Db; catalog: InstrumentCatalog; now: () => Date }, input: unknown): Promise<ImportResult> {
  const values = validate(importInput, input);
  const instrument = deps.catalog.requireKnown(values.symbol, 'input.symbol');
  const candles = parseCandleCsv(values.csv, values.interval, instrument.priceDecimals);
  const now = deps.now();
  await deps.db.transaction((tx) =>
    replaceCandles(
      tx,
      candles.map((candle) => ({
        symbol: instrument.symbol,
        interval: values.interval,
        start: new Date(candle.start),
        open: candle.open,
        high: candle.high,
        low: candle.low,
        close: candle.close,
        volume: candle.volume,
        trades: 0,
        // Unknown trade times: the bucket start, so live trades merged later become the close.
        firstTradeAt: new Date(candle.start),
        lastTradeAt: new Date(candle.start),
        updatedAt: now,
      })),
    ),
  );
  const starts = candles.map((candle) => candle.start);
  return {
    symbol: instrument.symbol,
    interval: values.interval,
    imported: candles.length,
    from: new Date(starts.reduce((a, b) => Math.min(a, b))),
    to: new Date(starts.reduce((a, b) => Math.max(a, b))),
  };
}
