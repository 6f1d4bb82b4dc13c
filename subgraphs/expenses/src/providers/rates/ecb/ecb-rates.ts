import type { Logger } from '@mosaic/kit';
import type { DailyRates, ExchangeRateProvider } from '../provider';
import { parseEcbXml } from './ecb-xml';

/** The ECB keeps the last 90 days in a small file; older days are only in the whole history (since 1999). */
const RECENT_DAYS = 85;
const DAY_MS = 86_400_000;

/**
 * The real client: the ECB's daily reference rates (published around 16:00 CET on TARGET business
 * days), no key needed. A day in the last ~90 days fetches `eurofxref-hist-90d.xml`, an older one
 * `eurofxref-hist.xml`; everything in the answer is cached by the rate book.
 */
export function createEcbRates(options: { baseUrl: string; timeoutMs: number; now: () => Date; log: Logger; fetch?: typeof fetch }): ExchangeRateProvider {
  const fetcher = options.fetch ?? fetch;
  return {
    name: 'ecb',
    async ratesCovering(day: string): Promise<DailyRates[]> {
      const recent = options.now().getTime() - new Date(`${day}T00:00:00Z`).getTime() < RECENT_DAYS * DAY_MS;
      const url = `${options.baseUrl}/${recent ? 'eurofxref-hist-90d.xml' : 'eurofxref-hist.xml'}`;
      const response = await fetcher(url, { signal: AbortSignal.timeout(options.timeoutMs), headers: { accept: 'application/xml, text/xml' } });
      if (!response.ok) throw new Error(`ECB answered ${response.status} for ${url}`);
      const days = parseEcbXml(await response.text());
      options.log.info({ url, days: days.length }, 'fetched ECB reference rates');
      return days;
    },
  };
}
