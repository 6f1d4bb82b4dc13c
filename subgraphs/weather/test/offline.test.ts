import { describe, expect, it } from 'vitest';
import { roundedPoint } from '../src/domain/coordinates';
import { OfflineProvider } from '../src/providers/offline/provider';
import { sunTimes } from '../src/providers/offline/sun';

const at = (iso: string) => new OfflineProvider(() => new Date(iso));
const BERLIN = roundedPoint(52.52, 13.41);
const SYDNEY = roundedPoint(-33.87, 151.21);
const SINGAPORE = roundedPoint(1.29, 103.85);

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
async function dailyMean(provider: OfflineProvider, point: { latitude: number; longitude: number }) {
  const days = (await provider.daily(point)).days;
  return mean(days.map((day) => (day.temperatureMax + day.temperatureMin) / 2));
}

describe('the offline provider', () => {
  it('says it is simulated, and gives the same answer for the same place and time', async () => {
    const provider = at('2026-07-10T12:00:00Z');
    expect(provider.source).toMatchObject({ provider: 'offline', simulated: true });
    expect(await provider.hourly(BERLIN)).toEqual(await at('2026-07-10T12:00:00Z').hourly(BERLIN));
    expect((await provider.current(BERLIN)).current).not.toEqual((await provider.current(SINGAPORE)).current);
  });

  it('is plausible by place and season: cold Berlin winters, warm summers, the seasons reversed in Sydney, Singapore warm all year', async () => {
    const berlinJanuary = await dailyMean(at('2026-01-10T12:00:00Z'), BERLIN);
    const berlinJuly = await dailyMean(at('2026-07-10T12:00:00Z'), BERLIN);
    expect(berlinJanuary).toBeGreaterThan(-10);
    expect(berlinJanuary).toBeLessThan(6);
    expect(berlinJuly).toBeGreaterThan(13);
    expect(berlinJuly).toBeLessThan(27);
    expect(await dailyMean(at('2026-01-10T12:00:00Z'), SYDNEY)).toBeGreaterThan(await dailyMean(at('2026-07-10T12:00:00Z'), SYDNEY));
    for (const month of ['01', '07']) expect(await dailyMean(at(`2026-${month}-10T12:00:00Z`), SINGAPORE)).toBeGreaterThan(23);
  });

  it('forecasts 48 hours from the current hour and 16 local days, with sunrise, in the place’s time zone', async () => {
    const provider = at('2026-03-01T22:30:00Z');
    const hourly = await provider.hourly(BERLIN);
    expect(hourly.timeZone).toBe('Europe/Berlin');
    expect(hourly.hours).toHaveLength(48);
    expect(new Date(hourly.hours[0]!.time).toISOString()).toBe('2026-03-01T22:00:00.000Z');
    const daily = await provider.daily(BERLIN);
    // 23:30 in Berlin: still the 1st there.
    expect(daily.days.map((day) => day.date).slice(0, 2)).toEqual(['2026-03-01', '2026-03-02']);
    expect(daily.days).toHaveLength(16);
    for (const day of daily.days) {
      expect(day.temperatureMax).toBeGreaterThanOrEqual(day.temperatureMin);
      expect(day.sunrise).not.toBeNull();
    }
    expect((await provider.daily(roundedPoint(10, -140))).timeZone).toBe('Etc/GMT+9');
  });

  it('knows the sun: about 8 hours of daylight in Berlin at midwinter, none at the North Cape', () => {
    const berlin = sunTimes('2026-12-21', 52.52, 13.41);
    expect((berlin.sunset! - berlin.sunrise!) / 3_600_000).toBeCloseTo(7.6, 0);
    expect(new Date(berlin.sunrise!).toISOString().slice(11, 16)).toMatch(/^07:/);
    expect(sunTimes('2026-12-21', 71.17, 25.78)).toEqual({ sunrise: null, sunset: null });
  });

  it('finds well-known places by name, with the country, ignoring case and accents', async () => {
    const provider = at('2026-01-01T00:00:00Z');
    expect((await provider.places('berlin', 5))[0]).toMatchObject({ name: 'Berlin', countryCode: 'DE', timeZone: 'Europe/Berlin' });
    expect((await provider.places('São Paulo', 5))[0]).toMatchObject({ name: 'Sao Paulo', countryCode: 'BR' });
    expect((await provider.places('Paris, FR', 5)).map((place) => place.countryCode)).toEqual(['FR']);
    expect(await provider.places('Paris, JP', 5)).toEqual([]);
    expect(await provider.places('Atlantis', 5)).toEqual([]);
  });
});
