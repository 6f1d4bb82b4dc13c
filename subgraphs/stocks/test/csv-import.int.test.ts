import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { errorCodes } from '@mosaic/testing';
import { candles } from '../src/data/tables';
import { startStocks, type StocksApp } from './harness';
import { trade } from './trades';

let app: StocksApp;
let admin: { token: string };
beforeAll(async () => {
  app = await startStocks();
  admin = await app.auth.newUser(['user', 'admin']);
});
afterAll(() => app.close());

const IMPORT = `mutation($input: ImportCandlesInput!) { importCandles(input: $input) { symbol interval imported from to } }`;
const candleCount = async () => (await app.database.db().select({ n: count() }).from(candles))[0]!.n;
const daily = async (symbol: string) =>
  (await app.call(`query($s: String!) { instrument(symbol: $s) { candles(interval: D1, last: 10) { nodes { start open high low close volume trades } } } }`, { s: symbol })).data!.instrument.candles.nodes;

describe('importCandles', () => {
  it('imports daily history for admins, replacing stored buckets', async () => {
    const csv = ['date,open,high,low,close,volume', '2026-02-26,100.00,101.50,99.00,101.00,120000', '2026-02-27,101.00,103.00,100.50,102.25,95000'].join('\n');
    const result = await app.call(IMPORT, { input: { symbol: 'initech', interval: 'D1', csv } }, admin.token);
    expect(result.errors).toBeUndefined();
    expect(result.data!.importCandles).toEqual({ symbol: 'INITECH', interval: 'D1', imported: 2, from: '2026-02-26T00:00:00.000Z', to: '2026-02-27T00:00:00.000Z' });
    expect(await daily('INITECH')).toEqual([
      { start: '2026-02-26T00:00:00.000Z', open: 10_000, high: 10_150, low: 9_900, close: 10_100, volume: 120_000, trades: 0 },
      { start: '2026-02-27T00:00:00.000Z', open: 10_100, high: 10_300, low: 10_050, close: 10_225, volume: 95_000, trades: 0 },
    ]);
    // A corrected file replaces the bucket, it does not add to it.
    await app.call(IMPORT, { input: { symbol: 'INITECH', interval: 'D1', csv: 'date,open,high,low,close,volume\n2026-02-27,101,104,100,103,1' } }, admin.token);
    expect((await daily('INITECH'))[1]).toMatchObject({ high: 10_400, close: 10_300, volume: 1 });
  });

  it('lets live trades continue an imported bucket (they become its close)', async () => {
    const csv = 'time,open,high,low,close,volume\n2026-03-02T00:00:00Z,50,55,49,52,1000';
    await app.call(IMPORT, { input: { symbol: 'OCNC', interval: 'D1', csv } }, admin.token);
    await app.trade([trade('OCNC', 5_600, '2026-03-02T15:00:00Z', 10)]);
    expect((await daily('OCNC'))[0]).toMatchObject({ open: 5_000, high: 5_600, low: 4_900, close: 5_600, volume: 1_010 });
  });

  it('is for admins only, and a bad file changes nothing', async () => {
    const user = await app.auth.newUser();
    const csv = 'date,open,high,low,close,volume\n2026-02-26,1,1,1,1,1';
    expect(errorCodes(await app.call(IMPORT, { input: { symbol: 'ACME', interval: 'D1', csv } }, user.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(IMPORT, { input: { symbol: 'ACME', interval: 'D1', csv } }))).toEqual(['UNAUTHENTICATED']);

    const before = await candleCount();
    const bad = ['date,open,high,low,close,volume', '2026-02-26,1,1,1,1,1', '2026-02-27,1,1,1,1,1', '2026-02-28T12:00:00Z,1,1,1,1,1'].join('\n');
    const result = await app.call(IMPORT, { input: { symbol: 'ACME', interval: 'D1', csv: bad } }, admin.token);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toBe('input.csv: row 3: 2026-02-28T12:00:00.000Z is not the start of a D1 candle.');
    expect(result.errors![0]!.extensions!.field).toBe('input.csv');
    expect(await candleCount()).toBe(before);
    const unknown = await app.call(IMPORT, { input: { symbol: 'NOPE', interval: 'D1', csv } }, admin.token);
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.symbol' });
  });
});
