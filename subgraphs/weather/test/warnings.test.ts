import { describe, expect, it } from 'vitest';
import type { Hour } from '../src/domain/model';
import { DEFAULT_THRESHOLDS, evaluateWarnings, warningsDigest } from '../src/domain/warnings/evaluate-warnings';

const START = Date.parse('2026-06-01T00:00:00Z');
const HOUR = 3_600_000;
const hours = (values: Partial<Hour>[]): Hour[] =>
  values.map((value, i) => ({ time: START + i * HOUR, temperature: 18, apparentTemperature: null, precipitation: 0, precipitationProbability: null, windSpeed: 10, windGusts: 20, weatherCode: 2, ...value }));

describe('weather warnings', () => {
  it('turn each run of hours over a threshold into one warning with its peak and severity', () => {
    const forecast = hours([{}, { windGusts: 80 }, { windGusts: 99 }, {}, { windGusts: 76 }, { temperature: 31 }, { temperature: 36, weatherCode: 96 }, { precipitation: 13 }]);
    const warnings = evaluateWarnings(forecast, DEFAULT_THRESHOLDS, START);
    expect(warnings.map(({ kind, severity, startsAt, endsAt, peak }) => ({ kind, severity, from: (startsAt - START) / HOUR, to: (endsAt - START) / HOUR, peak }))).toEqual([
      { kind: 'WIND_GUSTS', severity: 'SEVERE', from: 1, to: 3, peak: 99 },
      { kind: 'WIND_GUSTS', severity: 'MODERATE', from: 4, to: 5, peak: 76 },
      { kind: 'HEAT', severity: 'SEVERE', from: 5, to: 7, peak: 36 },
      { kind: 'THUNDERSTORM', severity: 'SEVERE', from: 6, to: 7, peak: null },
      { kind: 'HEAVY_RAIN', severity: 'SEVERE', from: 7, to: 8, peak: 13 },
    ]);
    expect(warnings[0]!.message).toBe('Wind gusts up to 99 km/h');
  });

  it('look 48 hours ahead from now, leave the past out, and can be switched off per kind', () => {
    const forecast = hours(Array.from({ length: 60 }, (_, i) => ({ temperature: i === 1 || i === 55 ? -4 : 5 })));
    expect(evaluateWarnings(forecast, DEFAULT_THRESHOLDS, START + 2 * HOUR)).toEqual([]);
    expect(evaluateWarnings(forecast, DEFAULT_THRESHOLDS, START).map((w) => [w.kind, w.severity, w.peak])).toEqual([['FROST', 'MODERATE', -4]]);
    expect(evaluateWarnings(forecast, { ...DEFAULT_THRESHOLDS, frost: null }, START)).toEqual([]);
  });

  it('change their digest only when kinds, severities or times change', () => {
    const a = evaluateWarnings(hours([{ windGusts: 80 }]), DEFAULT_THRESHOLDS, START);
    const b = evaluateWarnings(hours([{ windGusts: 82 }]), DEFAULT_THRESHOLDS, START);
    const c = evaluateWarnings(hours([{ windGusts: 95 }]), DEFAULT_THRESHOLDS, START);
    expect(warningsDigest(a)).toBe(warningsDigest(b));
    expect(warningsDigest(a)).not.toBe(warningsDigest(c));
  });
});
