export type WeatherUnits = 'METRIC' | 'IMPERIAL';

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Metric values as the caller asked for them; one decimal (two for inches of rain). */
export const convert = {
  temperature: (celsius: number, units: WeatherUnits) => round1(units === 'IMPERIAL' ? (celsius * 9) / 5 + 32 : celsius),
  speed: (kmh: number, units: WeatherUnits) => round1(units === 'IMPERIAL' ? kmh / 1.609344 : kmh),
  precipitation: (mm: number, units: WeatherUnits) => (units === 'IMPERIAL' ? round2(mm / 25.4) : round1(mm)),
};

/** A nullable value through one of the conversions above. */
export const maybe = <T extends number | null>(value: T, conversion: (value: number, units: WeatherUnits) => number, units: WeatherUnits) =>
  value === null ? null : conversion(value, units);
