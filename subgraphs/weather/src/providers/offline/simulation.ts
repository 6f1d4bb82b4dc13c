import { sunIsUp } from './sun';

/** A deterministic hash of integers to [0, 1): the same place and time always give the same weather. */
function hash(...values: number[]): number {
  let h = 0x811c9dc5;
  for (const value of values) {
    h = Math.imul(h ^ (value | 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return (h >>> 0) / 2 ** 32;
}

const CHANNELS = { temperature: 1, cloud: 2, wet: 3, wind: 4, gust: 5, direction: 6, storm: 7 } as const;

/** Smooth value noise in [0, 1]: random knots every `periodMs`, cosine-interpolated between them. */
function noise(seed: readonly [number, number], channel: keyof typeof CHANNELS, time: number, periodMs: number): number {
  const position = time / periodMs;
  const knot = Math.floor(position);
  const weight = (1 - Math.cos((position - knot) * Math.PI)) / 2;
  const a = hash(seed[0], seed[1], CHANNELS[channel], knot);
  const b = hash(seed[0], seed[1], CHANNELS[channel], knot + 1);
  return a + (b - a) * weight;
}

export interface SimulatedHour {
  temperature: number;
  apparentTemperature: number;
  humidity: number;
  precipitation: number;
  precipitationProbability: number;
  windSpeed: number;
  windGusts: number;
  windDirection: number;
  cloudCover: number;
  pressure: number;
  weatherCode: number;
  isDay: boolean;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const round1 = (value: number) => Math.round(value * 10) / 10;

function codeFor(temperature: number, cloud: number, intensity: number, storm: boolean): number {
  if (intensity > 0) {
    if (temperature < 0.5) return intensity < 0.35 ? 71 : intensity < 0.7 ? 73 : 75;
    if (storm) return 95;
    return intensity < 0.2 ? 51 : intensity < 0.45 ? 61 : intensity < 0.75 ? 63 : 65;
  }
  return cloud < 15 ? 0 : cloud < 40 ? 1 : cloud < 75 ? 2 : 3;
}

/**
 * Plausible weather for a point and an hour, with no network: a climate from latitude, elevation
 * and season (warmest in July north of the equator, in January south of it), a daily cycle by
 * solar time, and slow random weather on top — fronts of cloud and rain over a day or so, gusty
 * spells, summer thunderstorms. Deterministic: the seed is the rounded point.
 */
export function simulateHour(point: { latitude: number; longitude: number }, elevation: number, time: number): SimulatedHour {
  const seed = [Math.round(point.latitude * 100), Math.round(point.longitude * 100)] as const;
  const latitude = Math.abs(point.latitude);
  const dayOfYear = (time - Date.UTC(new Date(time).getUTCFullYear(), 0, 1)) / DAY;
  const season = Math.cos((2 * Math.PI * (dayOfYear - 200)) / 365.25) * (point.latitude >= 0 ? 1 : -1);
  const annualMean = 28 - 0.0075 * latitude ** 2 - 0.0065 * elevation;
  const solarHour = (((time % DAY) / HOUR + point.longitude / 15) % 24 + 24) % 24;
  const daily = 4 * Math.cos((2 * Math.PI * (solarHour - 15)) / 24);
  const anomaly = (noise(seed, 'temperature', time, 2 * DAY) - 0.5) * 8;
  const wet = noise(seed, 'wet', time, 30 * HOUR);
  const intensity = wet > 0.62 ? (wet - 0.62) / 0.38 : 0;
  const cloud = clamp(noise(seed, 'cloud', time, 9 * HOUR) * 70 + wet * 40, 0, 100);
  const temperature = annualMean + 0.19 * latitude * season + daily + anomaly - intensity * 2;
  const storm = temperature > 21 && intensity > 0.55 && noise(seed, 'storm', time, 6 * HOUR) > 0.4;
  const precipitation = intensity > 0 ? round1(intensity ** 2 * (storm ? 14 : 6)) : 0;
  const windSpeed = 5 + noise(seed, 'wind', time, 12 * HOUR) ** 3 * 40 + intensity * 8;
  const windGusts = windSpeed * (1.35 + noise(seed, 'gust', time, 3 * HOUR) * 0.5) + (storm ? 25 : 0);
  const humidity = clamp(50 + cloud * 0.3 + (precipitation > 0 ? 15 : 0) - Math.max(0, temperature - 25), 10, 100);
  const apparent = temperature < 10 ? temperature - windSpeed * 0.08 : temperature > 26 ? temperature + (humidity - 40) * 0.06 : temperature;
  return {
    temperature: round1(temperature),
    apparentTemperature: round1(apparent),
    humidity: Math.round(humidity),
    precipitation,
    precipitationProbability: Math.round(clamp(wet * 140 - 40, 0, 100)),
    windSpeed: round1(windSpeed),
    windGusts: round1(windGusts),
    windDirection: Math.round(noise(seed, 'direction', time, DAY) * 360) % 360,
    cloudCover: Math.round(cloud),
    pressure: round1(1013 + (0.5 - wet) * 30),
    weatherCode: codeFor(temperature, cloud, intensity, storm),
    isDay: sunIsUp(time, point.latitude, point.longitude),
  };
}
