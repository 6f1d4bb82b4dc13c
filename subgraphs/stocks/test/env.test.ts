import { describe, expect, it } from 'vitest';
import { InvalidEnvironmentError, parseEnv } from '@mosaic/kit';
import { stocksEnv } from '../src/env';
import { DEFAULT_SETTINGS } from '../src/settings';

const read = (vars: Record<string, string>) => parseEnv({ stocks: stocksEnv }, vars).stocks;

describe('stocks environment', () => {
  it('defaults to the offline simulator, owning the feed', () => {
    expect(read({})).toEqual(DEFAULT_SETTINGS);
  });

  it('configures Finnhub, with overridable URLs', () => {
    expect(read({ STOCKS_FEED: 'finnhub', FINNHUB_API_KEY: 'k', FINNHUB_WS_URL: 'ws://127.0.0.1:9', STOCKS_FEED_OWNER: 'false' })).toMatchObject({
      feed: { kind: 'finnhub', apiKey: 'k', wsUrl: 'ws://127.0.0.1:9', restUrl: 'https://finnhub.io/api/v1', backfillDays: 5 },
      feedOwner: false,
    });
  });

  it('reports every problem at once', () => {
    try {
      read({ STOCKS_FEED: 'finnhub', STOCKS_SIM_SESSION: '25:00-26:00', STOCKS_SIM_TICKS_PER_SECOND: '0' });
      throw new Error('expected InvalidEnvironmentError');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEnvironmentError);
      const problems = (error as InvalidEnvironmentError).problems.join('\n');
      expect(problems).toMatch(/FINNHUB_API_KEY: is required when STOCKS_FEED=finnhub/);
      expect(problems).toMatch(/STOCKS_SIM_SESSION/);
      expect(problems).toMatch(/STOCKS_SIM_TICKS_PER_SECOND/);
    }
  });
});
