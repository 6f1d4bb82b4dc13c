import type { Place } from '../../domain/model';

/** [name, country code, country, latitude, longitude, IANA time zone, elevation in metres] */
type Entry = [string, string, string, number, number, string, number];

/** Large and well-known places, enough to try the graph with no network. */
const ENTRIES: Entry[] = [
  ['Berlin', 'DE', 'Germany', 52.52, 13.41, 'Europe/Berlin', 34],
  ['Hamburg', 'DE', 'Germany', 53.55, 9.99, 'Europe/Berlin', 8],
  ['Munich', 'DE', 'Germany', 48.14, 11.58, 'Europe/Berlin', 519],
  ['Paris', 'FR', 'France', 48.85, 2.35, 'Europe/Paris', 35],
  ['Marseille', 'FR', 'France', 43.3, 5.37, 'Europe/Paris', 12],
  ['London', 'GB', 'United Kingdom', 51.51, -0.13, 'Europe/London', 11],
  ['Edinburgh', 'GB', 'United Kingdom', 55.95, -3.19, 'Europe/London', 47],
  ['Dublin', 'IE', 'Ireland', 53.35, -6.26, 'Europe/Dublin', 8],
  ['Madrid', 'ES', 'Spain', 40.42, -3.7, 'Europe/Madrid', 667],
  ['Barcelona', 'ES', 'Spain', 41.39, 2.16, 'Europe/Madrid', 12],
  ['Lisbon', 'PT', 'Portugal', 38.72, -9.14, 'Europe/Lisbon', 45],
  ['Rome', 'IT', 'Italy', 41.89, 12.51, 'Europe/Rome', 20],
  ['Milan', 'IT', 'Italy', 45.46, 9.19, 'Europe/Rome', 120],
  ['Vienna', 'AT', 'Austria', 48.21, 16.37, 'Europe/Vienna', 171],
  ['Zurich', 'CH', 'Switzerland', 47.37, 8.55, 'Europe/Zurich', 408],
  ['Amsterdam', 'NL', 'Netherlands', 52.37, 4.89, 'Europe/Amsterdam', 2],
  ['Brussels', 'BE', 'Belgium', 50.85, 4.35, 'Europe/Brussels', 28],
  ['Copenhagen', 'DK', 'Denmark', 55.68, 12.57, 'Europe/Copenhagen', 14],
  ['Stockholm', 'SE', 'Sweden', 59.33, 18.07, 'Europe/Stockholm', 17],
  ['Oslo', 'NO', 'Norway', 59.91, 10.75, 'Europe/Oslo', 23],
  ['Helsinki', 'FI', 'Finland', 60.17, 24.94, 'Europe/Helsinki', 26],
  ['Reykjavik', 'IS', 'Iceland', 64.15, -21.94, 'Atlantic/Reykjavik', 61],
  ['Warsaw', 'PL', 'Poland', 52.23, 21.01, 'Europe/Warsaw', 113],
  ['Prague', 'CZ', 'Czechia', 50.09, 14.42, 'Europe/Prague', 202],
  ['Budapest', 'HU', 'Hungary', 47.5, 19.04, 'Europe/Budapest', 102],
  ['Athens', 'GR', 'Greece', 37.98, 23.73, 'Europe/Athens', 70],
  ['Istanbul', 'TR', 'Türkiye', 41.01, 28.95, 'Europe/Istanbul', 39],
  ['Kyiv', 'UA', 'Ukraine', 50.45, 30.52, 'Europe/Kyiv', 179],
  ['Moscow', 'RU', 'Russia', 55.76, 37.62, 'Europe/Moscow', 144],
  ['Cairo', 'EG', 'Egypt', 30.04, 31.24, 'Africa/Cairo', 23],
  ['Lagos', 'NG', 'Nigeria', 6.52, 3.38, 'Africa/Lagos', 41],
  ['Nairobi', 'KE', 'Kenya', -1.29, 36.82, 'Africa/Nairobi', 1795],
  ['Cape Town', 'ZA', 'South Africa', -33.92, 18.42, 'Africa/Johannesburg', 15],
  ['Johannesburg', 'ZA', 'South Africa', -26.2, 28.04, 'Africa/Johannesburg', 1753],
  ['Casablanca', 'MA', 'Morocco', 33.59, -7.62, 'Africa/Casablanca', 27],
  ['Dubai', 'AE', 'United Arab Emirates', 25.2, 55.27, 'Asia/Dubai', 16],
  ['Riyadh', 'SA', 'Saudi Arabia', 24.71, 46.68, 'Asia/Riyadh', 612],
  ['Tehran', 'IR', 'Iran', 35.69, 51.39, 'Asia/Tehran', 1190],
  ['Mumbai', 'IN', 'India', 19.08, 72.88, 'Asia/Kolkata', 14],
  ['Delhi', 'IN', 'India', 28.65, 77.23, 'Asia/Kolkata', 216],
  ['Bangalore', 'IN', 'India', 12.97, 77.59, 'Asia/Kolkata', 920],
  ['Bangkok', 'TH', 'Thailand', 13.75, 100.5, 'Asia/Bangkok', 4],
  ['Singapore', 'SG', 'Singapore', 1.29, 103.85, 'Asia/Singapore', 15],
  ['Jakarta', 'ID', 'Indonesia', -6.21, 106.85, 'Asia/Jakarta', 8],
  ['Hong Kong', 'HK', 'Hong Kong', 22.32, 114.17, 'Asia/Hong_Kong', 32],
  ['Shanghai', 'CN', 'China', 31.23, 121.47, 'Asia/Shanghai', 4],
  ['Beijing', 'CN', 'China', 39.9, 116.41, 'Asia/Shanghai', 44],
  ['Seoul', 'KR', 'South Korea', 37.57, 126.98, 'Asia/Seoul', 38],
  ['Tokyo', 'JP', 'Japan', 35.69, 139.69, 'Asia/Tokyo', 40],
  ['Osaka', 'JP', 'Japan', 34.69, 135.5, 'Asia/Tokyo', 12],
  ['Manila', 'PH', 'Philippines', 14.6, 120.98, 'Asia/Manila', 13],
  ['Sydney', 'AU', 'Australia', -33.87, 151.21, 'Australia/Sydney', 58],
  ['Melbourne', 'AU', 'Australia', -37.81, 144.96, 'Australia/Melbourne', 31],
  ['Perth', 'AU', 'Australia', -31.95, 115.86, 'Australia/Perth', 15],
  ['Auckland', 'NZ', 'New Zealand', -36.85, 174.76, 'Pacific/Auckland', 26],
  ['Honolulu', 'US', 'United States', 21.31, -157.86, 'Pacific/Honolulu', 5],
  ['Anchorage', 'US', 'United States', 61.22, -149.9, 'America/Anchorage', 31],
  ['Vancouver', 'CA', 'Canada', 49.28, -123.12, 'America/Vancouver', 70],
  ['Seattle', 'US', 'United States', 47.61, -122.33, 'America/Los_Angeles', 56],
  ['San Francisco', 'US', 'United States', 37.77, -122.42, 'America/Los_Angeles', 16],
  ['Los Angeles', 'US', 'United States', 34.05, -118.24, 'America/Los_Angeles', 89],
  ['Phoenix', 'US', 'United States', 33.45, -112.07, 'America/Phoenix', 331],
  ['Denver', 'US', 'United States', 39.74, -104.99, 'America/Denver', 1609],
  ['Chicago', 'US', 'United States', 41.88, -87.63, 'America/Chicago', 181],
  ['Houston', 'US', 'United States', 29.76, -95.37, 'America/Chicago', 15],
  ['Miami', 'US', 'United States', 25.77, -80.19, 'America/New_York', 2],
  ['New York', 'US', 'United States', 40.71, -74.01, 'America/New_York', 10],
  ['Boston', 'US', 'United States', 42.36, -71.06, 'America/New_York', 43],
  ['Toronto', 'CA', 'Canada', 43.65, -79.38, 'America/Toronto', 76],
  ['Montreal', 'CA', 'Canada', 45.5, -73.57, 'America/Toronto', 216],
  ['Mexico City', 'MX', 'Mexico', 19.43, -99.13, 'America/Mexico_City', 2240],
  ['Bogota', 'CO', 'Colombia', 4.71, -74.07, 'America/Bogota', 2640],
  ['Lima', 'PE', 'Peru', -12.05, -77.04, 'America/Lima', 154],
  ['Santiago', 'CL', 'Chile', -33.45, -70.67, 'America/Santiago', 570],
  ['Buenos Aires', 'AR', 'Argentina', -34.6, -58.38, 'America/Argentina/Buenos_Aires', 25],
  ['Sao Paulo', 'BR', 'Brazil', -23.55, -46.63, 'America/Sao_Paulo', 760],
  ['Rio de Janeiro', 'BR', 'Brazil', -22.91, -43.17, 'America/Sao_Paulo', 5],
];

export interface KnownPlace extends Place {
  timeZone: string;
  elevation: number;
}

export const KNOWN_PLACES: readonly KnownPlace[] = ENTRIES.map(([name, countryCode, country, latitude, longitude, timeZone, elevation]) => ({
  name,
  countryCode,
  country,
  region: null,
  latitude,
  longitude,
  timeZone,
  elevation,
}));

/** Lower case without accents: "São Paulo" finds "Sao Paulo", "zürich" finds "Zurich". */
export const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();

/** "Paris" or "Paris, FR" / "Paris, France": names starting with the text, bigger first by list order. */
export function findKnownPlaces(search: string, limit: number): KnownPlace[] {
  const [name = '', qualifier] = search.split(',').map(folded);
  if (!name) return [];
  return KNOWN_PLACES.filter(
    (place) => folded(place.name).startsWith(name) && (!qualifier || folded(place.countryCode ?? '') === qualifier || folded(place.country ?? '').startsWith(qualifier)),
  )
    .sort((a, b) => Number(folded(b.name) === name) - Number(folded(a.name) === name))
    .slice(0, limit);
}

const RADIANS = Math.PI / 180;

/** Great-circle distance in km. */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const dLat = (b.latitude - a.latitude) * RADIANS;
  const dLon = (b.longitude - a.longitude) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * RADIANS) * Math.cos(b.latitude * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The nearest known place within `maxKm`, if any (its time zone and elevation stand in for the point's). */
export function nearestKnownPlace(point: { latitude: number; longitude: number }, maxKm: number): KnownPlace | null {
  let best: KnownPlace | null = null;
  let bestKm = maxKm;
  for (const place of KNOWN_PLACES) {
    const km = distanceKm(point, place);
    if (km <= bestKm) {
      best = place;
      bestKm = km;
    }
  }
  return best;
}
