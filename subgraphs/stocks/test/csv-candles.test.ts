import { describe, expect, it } from 'vitest';
import { parseCandleCsv } from '../src/domain/csv-candles';
import { parseDecimalPrice } from '../src/domain/prices';

const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (caught) {
    return { message: (caught as Error).message, extensions: (caught as { extensions: Record<string, unknown> }).extensions };
  }
  throw new Error('expected an error');
};

describe('parseCandleCsv', () => {
  it('reads a header in any order and case, ISO times, dates and Unix seconds, decimal prices', () => {
    const csv = ['Volume,Close,Low,High,Open,Time,note', '1200,189.40,189.00,189.50,189.20,2026-03-02T15:00:00Z,ignored', '800,189.45,189.1,189.6,189.4,1772463660,'].join('\n');
    expect(parseCandleCsv(csv, 'M1', 2)).toEqual([
      { start: Date.parse('2026-03-02T15:00:00Z'), open: 18920, high: 18950, low: 18900, close: 18940, volume: 1200 },
      { start: 1772463660_000, open: 18940, high: 18960, low: 18910, close: 18945, volume: 800 },
    ]);
    expect(parseCandleCsv('date,open,high,low,close,volume\n2026-03-02,1,2,0.5,1.5,10\n', 'D1', 2)[0]!.start).toBe(Date.parse('2026-03-02T00:00:00Z'));
  });

  it.each([
    ['a missing column', 'time,open,high,low,close\n2026-03-02T15:00:00Z,1,1,1,1', /header lacks volume/],
    ['no rows', 'time,open,high,low,close,volume\n', /no rows/],
    ['a time that is not a bucket start', 'time,open,high,low,close,volume\n2026-03-02T15:00:30Z,1,1,1,1,1', /row 1: .* is not the start of a M1 candle/],
    ['a time without a zone', 'time,open,high,low,close,volume\n2026-03-02T15:00:00,1,1,1,1,1', /row 1: .* is not a time/],
    ['a duplicate bucket', 'time,open,high,low,close,volume\n2026-03-02T15:00:00Z,1,1,1,1,1\n2026-03-02T15:00:00Z,1,1,1,1,1', /row 2: a second candle/],
    ['high below the close', 'time,open,high,low,close,volume\n2026-03-02T15:00:00Z,1,1.5,1,2,1', /row 1: low must be at most/],
    ['too many decimals', 'time,open,high,low,close,volume\n2026-03-02T15:00:00Z,1.001,2,1,1,1', /row 1 open: 1.001 has more than 2 decimal places/],
    ['a negative price', 'time,open,high,low,close,volume\n2026-03-02T15:00:00Z,-1,2,1,1,1', /row 1 open: "-1" is not a decimal price/],
    ['a fractional volume', 'time,open,high,low,close,volume\n2026-03-02T15:00:00Z,1,1,1,1,1.5', /row 1: volume "1.5" must be a whole number/],
    ['ragged rows', 'time,open,high,low,close,volume\n2026-03-02T15:00:00Z,1,1', /not valid CSV/],
  ])('refuses %s with BAD_USER_INPUT on input.csv', (_case, csv, message) => {
    const caught = error(() => parseCandleCsv(csv, 'M1', 2));
    expect(caught.message).toMatch(message);
    expect(caught.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv' });
  });
});

describe('parseDecimalPrice', () => {
  it('converts exactly, without binary floating point', () => {
    expect(parseDecimalPrice('0.29', 2, 'p')).toBe(29); // 0.29 * 100 = 28.999999999999996 in floating point
    expect(parseDecimalPrice('189.2', 2, 'p')).toBe(18920);
    expect(parseDecimalPrice('1234.5000', 2, 'p')).toBe(123450);
    expect(parseDecimalPrice('7', 0, 'p')).toBe(7);
    expect(() => parseDecimalPrice('0.00', 2, 'p')).toThrow(/positive/);
  });
});
