import { UserInputError } from '@mosaic/kit';
import type { Context } from '../context';
import { checkedPoint, pointKey } from './coordinates';
import type { Cached } from './forecast/weather-cache';
import type { CurrentReport, DailyReport, Day, GeoPoint, Hour, HourlyReport, Place, SourceInfo } from './model';
import { DAYS_MAX, HOURS_MAX } from './model';
import type { WeatherUnits } from './units';

export interface LocationView {
  name: string | null;
  countryCode: string | null;
  region: string | null;
  point: GeoPoint;
  /** Known from the place search or the saved location; otherwise read from a forecast. */
  timeZone: string | null;
}

export interface WeatherView {
  location: LocationView;
  units: WeatherUnits;
}

export type Sections = Map<string, Promise<Cached<unknown>>>;

type Ctx = Pick<Context, 'forecasts' | 'sections' | 'now'>;

const PLACE_MAX = 100;
const CONTROL = /\p{Cc}/u;

function placeName(text: string, field: string): string {
  const name = text.trim();
  if (name.length === 0 || name.length > PLACE_MAX || CONTROL.test(name)) throw new UserInputError(`${field}: must be 1 to ${PLACE_MAX} characters on one line.`, field);
  return name;
}

export const locationOfPlace = (place: Place, point: GeoPoint): LocationView => ({ name: place.name, countryCode: place.countryCode, region: place.region, point, timeZone: place.timeZone });

/** A place name (the best match of a search) or coordinates — exactly one — as a location; BAD_USER_INPUT naming the argument otherwise. */
export async function resolveLocation(
  ctx: Pick<Context, 'forecasts'>,
  args: { place?: string | null; coordinates?: { latitude: number; longitude: number } | null },
  prefix = '',
): Promise<LocationView> {
  const placeField = `${prefix}place`;
  if ((args.place == null) === (args.coordinates == null)) throw new UserInputError(`Give either ${placeField} or ${prefix}coordinates, not both or neither.`, placeField);
  if (args.coordinates) return { name: null, countryCode: null, region: null, point: checkedPoint(args.coordinates, `${prefix}coordinates`), timeZone: null };
  const name = placeName(args.place!, placeField);
  const [best] = await ctx.forecasts.places(name, 1);
  if (!best) throw new UserInputError(`${placeField}: no place called "${name}" was found. Check the spelling, add the country ("Paris, FR"), or give coordinates.`, placeField);
  return locationOfPlace(best, checkedPoint(best, placeField));
}

export async function searchPlaces(ctx: Pick<Context, 'forecasts'>, search: string, first: number | null | undefined): Promise<Place[]> {
  const limit = first ?? 5;
  if (!Number.isInteger(limit) || limit < 1 || limit > 20) throw new UserInputError('"first" must be between 1 and 20.', 'first');
  return ctx.forecasts.places(placeName(search, 'search'), limit);
}

function memo<T>(ctx: Ctx, id: string, load: () => Promise<Cached<T>>): Promise<Cached<T>> {
  let section = ctx.sections.get(id) as Promise<Cached<T>> | undefined;
  if (!section) {
    section = load();
    ctx.sections.set(id, section);
  }
  return section;
}

export const currentOf = (ctx: Ctx, point: GeoPoint) => memo<CurrentReport>(ctx, `current ${pointKey(point)}`, () => ctx.forecasts.current(point));
export const hourlyOf = (ctx: Ctx, point: GeoPoint) => memo<HourlyReport>(ctx, `hourly ${pointKey(point)}`, () => ctx.forecasts.hourly(point));
export const dailyOf = (ctx: Ctx, point: GeoPoint) => memo<DailyReport>(ctx, `daily ${pointKey(point)}`, () => ctx.forecasts.daily(point));

export async function timeZoneOf(ctx: Ctx, location: LocationView): Promise<string> {
  return location.timeZone ?? (await currentOf(ctx, location.point)).value.timeZone;
}

function count(value: number | null | undefined, max: number, field: string): number {
  const n = value ?? max;
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UserInputError(`"${field}" must be between 1 and ${max}.`, field);
  return n;
}

/** The hours from the current one on (an old cached forecast has fewer left). */
export function upcomingHours(report: HourlyReport, now: Date, hours: number | null | undefined): Hour[] {
  const n = count(hours, HOURS_MAX, 'hours');
  const currentHour = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
  return report.hours.filter((hour) => hour.time >= currentHour).slice(0, n);
}

/** The days from today on, today being the local date at the place. */
export function upcomingDays(report: DailyReport, now: Date, days: number | null | undefined): Day[] {
  const n = count(days, DAYS_MAX, 'days');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: report.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return report.days.filter((day) => day.date >= today).slice(0, n);
}

export interface SectionSummary {
  source: SourceInfo;
  fetchedAt: number;
  stale: boolean;
  ageMs: number;
}

/** `Weather.source / fetchedAt / stale / ageSeconds`: over all three sections — the oldest, stale if any is. */
export async function summaryOf(ctx: Ctx, point: GeoPoint): Promise<SectionSummary> {
  const sections: Cached<unknown>[] = await Promise.all([currentOf(ctx, point), hourlyOf(ctx, point), dailyOf(ctx, point)]);
  const oldest = sections.reduce((a, b) => (b.fetchedAt < a.fetchedAt ? b : a));
  return { source: oldest.source, fetchedAt: oldest.fetchedAt, stale: sections.some((section) => section.stale), ageMs: Math.max(...sections.map((section) => section.ageMs)) };
}
