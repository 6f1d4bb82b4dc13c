import { isThunderstorm } from '../conditions';
import type { Hour } from '../model';

export interface Thresholds {
  windGusts: number | null;
  heat: number | null;
  frost: number | null;
  heavyRain: number | null;
  thunderstorms: boolean;
}

export const DEFAULT_THRESHOLDS: Thresholds = { windGusts: 75, heat: 30, frost: 0, heavyRain: 10, thunderstorms: true };

export type WarningKind = 'WIND_GUSTS' | 'HEAT' | 'FROST' | 'HEAVY_RAIN' | 'THUNDERSTORM';

export interface Warning {
  kind: WarningKind;
  severity: 'MODERATE' | 'SEVERE';
  startsAt: number;
  endsAt: number;
  peak: number | null;
  message: string;
}

const HOUR = 3_600_000;
export const WARNING_HORIZON_HOURS = 48;

interface Rule {
  kind: WarningKind;
  /** The value of the hour that crosses the threshold, or null when it does not. */
  crossing(hour: Hour): number | null;
  /** The most extreme of two crossing values. */
  worse(a: number, b: number): number;
  severe(peak: number, codes: number[]): boolean;
  message(peak: number | null): string;
}

function rulesFor(t: Thresholds): Rule[] {
  const rules: Rule[] = [];
  if (t.windGusts !== null) {
    const limit = t.windGusts;
    rules.push({ kind: 'WIND_GUSTS', crossing: (h) => (h.windGusts !== null && h.windGusts >= limit ? h.windGusts : null), worse: Math.max, severe: (peak) => peak >= limit * 1.25, message: (peak) => `Wind gusts up to ${Math.round(peak!)} km/h` });
  }
  if (t.heat !== null) {
    const limit = t.heat;
    rules.push({ kind: 'HEAT', crossing: (h) => (h.temperature >= limit ? h.temperature : null), worse: Math.max, severe: (peak) => peak >= limit + 5, message: (peak) => `Heat up to ${peak!.toFixed(1)} °C` });
  }
  if (t.frost !== null) {
    const limit = t.frost;
    rules.push({ kind: 'FROST', crossing: (h) => (h.temperature <= limit ? h.temperature : null), worse: Math.min, severe: (peak) => peak <= limit - 5, message: (peak) => `Frost down to ${peak!.toFixed(1)} °C` });
  }
  if (t.heavyRain !== null) {
    const limit = t.heavyRain;
    rules.push({ kind: 'HEAVY_RAIN', crossing: (h) => (h.precipitation !== null && h.precipitation >= limit ? h.precipitation : null), worse: Math.max, severe: (peak) => peak >= limit * 1.25, message: (peak) => `Heavy rain up to ${peak!.toFixed(1)} mm per hour` });
  }
  if (t.thunderstorms) {
    rules.push({ kind: 'THUNDERSTORM', crossing: (h) => (isThunderstorm(h.weatherCode) ? 0 : null), worse: Math.max, severe: (_peak, codes) => codes.some((code) => code === 96 || code === 99), message: () => 'Thunderstorms' });
  }
  return rules;
}

/**
 * The warnings an hourly forecast raises over the 48 hours from `from`: for each threshold, every
 * run of consecutive hours that crosses it becomes one warning with its peak. Soonest first.
 */
export function evaluateWarnings(hours: readonly Hour[], thresholds: Thresholds, from: number): Warning[] {
  const start = Math.floor(from / HOUR) * HOUR;
  const window = hours.filter((hour) => hour.time >= start && hour.time < start + WARNING_HORIZON_HOURS * HOUR).sort((a, b) => a.time - b.time);
  const warnings: Warning[] = [];
  for (const rule of rulesFor(thresholds)) {
    let run: { startsAt: number; endsAt: number; peak: number; codes: number[] } | null = null;
    const close = () => {
      if (!run) return;
      const peak = rule.kind === 'THUNDERSTORM' ? null : Math.round(run.peak * 10) / 10;
      warnings.push({ kind: rule.kind, severity: rule.severe(run.peak, run.codes) ? 'SEVERE' : 'MODERATE', startsAt: run.startsAt, endsAt: run.endsAt, peak, message: rule.message(peak) });
      run = null;
    };
    for (const hour of window) {
      const value = rule.crossing(hour);
      if (value === null || (run && hour.time !== run.endsAt)) close();
      if (value === null) continue;
      if (run) {
        run.endsAt = hour.time + HOUR;
        run.peak = rule.worse(run.peak, value);
        run.codes.push(hour.weatherCode);
      } else {
        run = { startsAt: hour.time, endsAt: hour.time + HOUR, peak: value, codes: [hour.weatherCode] };
      }
    }
    close();
  }
  return warnings.sort((a, b) => a.startsAt - b.startsAt || a.kind.localeCompare(b.kind));
}

/** What identifies a set of warnings for "has it changed": kinds, severities and times (not the exact peaks). */
export const warningsDigest = (warnings: readonly Warning[]) => JSON.stringify(warnings.map((w) => [w.kind, w.severity, w.startsAt, w.endsAt]));

export const thresholdsOf = (row: { windGustsThreshold: number | null; heatThreshold: number | null; frostThreshold: number | null; heavyRainThreshold: number | null; thunderstorms: boolean }): Thresholds => ({
  windGusts: row.windGustsThreshold,
  heat: row.heatThreshold,
  frost: row.frostThreshold,
  heavyRain: row.heavyRainThreshold,
  thunderstorms: row.thunderstorms,
});
