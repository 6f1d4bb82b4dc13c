import { UserInputError } from '@mosaic/kit';
import type { GeoPoint } from './model';

/**
 * Answers are cached per point rounded to 2 decimals (~1.1 km north–south): close enough for a
 * forecast, and requests for nearby points share one upstream call. The provider is always asked
 * for the rounded point, so a cached answer is exactly the one its key names.
 */
export const PRECISION = 2;

const round = (value: number) => Number(value.toFixed(PRECISION)) + 0;

export function roundedPoint(latitude: number, longitude: number): GeoPoint {
  return { latitude: round(latitude), longitude: round(longitude === 180 ? -180 : longitude) };
}

export const pointKey = (point: GeoPoint) => `${point.latitude.toFixed(PRECISION)},${point.longitude.toFixed(PRECISION)}`;

/** BAD_USER_INPUT naming the field for anything that is not a point on Earth. */
export function checkedPoint(input: { latitude: number; longitude: number }, field: string): GeoPoint {
  const { latitude, longitude } = input;
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) throw new UserInputError(`${field}.latitude: must be between -90 and 90.`, `${field}.latitude`);
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) throw new UserInputError(`${field}.longitude: must be between -180 and 180.`, `${field}.longitude`);
  return roundedPoint(latitude, longitude);
}
