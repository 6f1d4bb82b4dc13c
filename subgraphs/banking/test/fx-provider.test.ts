import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert, formatRate, parseRate } from '../src/domain/money';
import { createFrankfurterProvider } from '../src/providers/fx/frankfurter';
import { createOfflineFxProvider } from '../src/providers/fx/offline';

/** A local server answering like Frankfurter's `GET /latest?from=…&to=…` (ECB reference rates). */
let server: Server;
let baseUrl: string;
let answer: (url: URL) => { status: number; body: unknown } = () => ({ status: 200, body: {} });
beforeAll(async () => {
  server = createServer((req, res) => {
    const { status, body } = answer(new URL(req.url!, 'http://localhost'));
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('FX rates', () => {
  it('reads a rate from the Frankfurter wire format', async () => {
    answer = (url) => ({ status: 200, body: { amount: 1.0, base: url.searchParams.get('from'), date: '2026-11-27', rates: { [url.searchParams.get('to')!]: 1.0562 } } });
    expect(await createFrankfurterProvider(baseUrl, 1000).rate('EUR', 'USD')).toEqual({ rate: '1.0562', source: 'frankfurter (ECB, 2026-11-27)', asOf: new Date('2026-11-27T16:00:00.000Z') });
  });

  it('answers UNAVAILABLE for an error status or an unexpected body', async () => {
    answer = () => ({ status: 503, body: { message: 'down' } });
    await expect(createFrankfurterProvider(baseUrl, 1000).rate('EUR', 'USD')).rejects.toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
    answer = () => ({ status: 200, body: { amount: 1, base: 'GBP', date: '2026-11-27', rates: { USD: 1.2 } } });
    await expect(createFrankfurterProvider(baseUrl, 1000).rate('EUR', 'USD')).rejects.toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
  });

  it('offline rates cross through the euro; conversion rounds down with each currency\'s minor units', async () => {
    const offline = createOfflineFxProvider(() => new Date('2026-12-01T00:00:00Z'));
    expect((await offline.rate('EUR', 'USD')).rate).toBe('1.0562');
    const usdJpy = parseRate((await offline.rate('USD', 'JPY')).rate);
    expect(formatRate(usdJpy)).toMatch(/^149\.8\d+$/);
    expect(convert(10_000n, 'EUR', 'USD', parseRate('1.0562'))).toBe(10_562n);
    expect(convert(10_000n, 'EUR', 'JPY', parseRate('158.27'))).toBe(15_827n);
    expect(convert(15_827n, 'JPY', 'EUR', parseRate('0.0063183168'))).toBe(9_999n);
  });
});
