const RADIANS = Math.PI / 180;
const HORIZON = -0.833 * RADIANS;

const dayOfYear = (time: number) => {
  const date = new Date(time);
  return Math.floor((time - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
};

/** The sun's declination (radians) on the day of `time`. */
const declination = (time: number) => 23.44 * RADIANS * Math.sin((2 * Math.PI * (284 + dayOfYear(time))) / 365);

/** Whether the sun is up at `time` at the point (refraction included, equation of time ignored: minutes). */
export function sunIsUp(time: number, latitude: number, longitude: number): boolean {
  const date = new Date(time);
  const solarHours = date.getUTCHours() + date.getUTCMinutes() / 60 + longitude / 15;
  const hourAngle = 15 * (solarHours - 12) * RADIANS;
  const phi = latitude * RADIANS;
  const delta = declination(time);
  return Math.sin(phi) * Math.sin(delta) + Math.cos(phi) * Math.cos(delta) * Math.cos(hourAngle) > Math.sin(HORIZON);
}

/** Sunrise and sunset on `date` (YYYY-MM-DD, the local day), or nulls during polar day or night. */
export function sunTimes(date: string, latitude: number, longitude: number): { sunrise: number | null; sunset: number | null } {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  const phi = latitude * RADIANS;
  const delta = declination(midnight + 43_200_000);
  const cosH = (Math.sin(HORIZON) - Math.sin(phi) * Math.sin(delta)) / (Math.cos(phi) * Math.cos(delta));
  if (cosH > 1 || cosH < -1) return { sunrise: null, sunset: null };
  const halfDayMinutes = (4 * Math.acos(cosH)) / RADIANS;
  const noonMinutes = 720 - 4 * longitude;
  return { sunrise: midnight + (noonMinutes - halfDayMinutes) * 60_000, sunset: midnight + (noonMinutes + halfDayMinutes) * 60_000 };
}

/** The sun's highest elevation on the day of `time`, as the cosine of its zenith angle (0 when it stays down). */
export function noonSunStrength(time: number, latitude: number): number {
  return Math.max(0, Math.cos((latitude * RADIANS) - declination(time)));
}
