import { UnavailableError } from '@mosaic/kit';
import { z } from 'zod';
import type { Currency } from '../../domain/money';
import type { FxRate, FxRateProvider } from './fx-rates';

/** Frankfurter's `GET /latest?from=EUR&to=USD` answer (ECB reference rates; https://frankfurter.dev). */
const latest = z.object({ amount: z.number(), base: z.string(), date: z.string(), rates: z.record(z.string(), z.number()) });

/** Rates from a Frankfurter server (the public one, or a self-hosted one) at `baseUrl`. */
export function createFrankfurterProvider(baseUrl: string, timeoutMs: number): FxRateProvider {
  return {
    name: 'frankfurter',
    async rate(from: Currency, to: Currency): Promise<FxRate> {
      if (from === to) return { rate: '1', source: 'frankfurter', asOf: new Date() };
      const url = new URL('latest', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
      url.searchParams.set('from', from);
      url.searchParams.set('to', to);
      let body: unknown;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        body = await response.json();
      } catch (error) {
        throw new UnavailableError(`Exchange rates cannot be fetched right now (${error instanceof Error ? error.message : 'error'}); try again later.`);
      }
      const parsed = latest.safeParse(body);
      const value = parsed.success ? parsed.data.rates[to] : undefined;
      if (!parsed.success || parsed.data.base !== from || value === undefined || !(value > 0)) throw new UnavailableError('The exchange-rate provider answered something unexpected; try again later.');
      // JSON numbers are doubles: the decimal the provider wrote is what toString() gives back.
      return { rate: String(value), source: `frankfurter (ECB, ${parsed.data.date})`, asOf: new Date(`${parsed.data.date}T16:00:00.000Z`) };
    },
  };
}
