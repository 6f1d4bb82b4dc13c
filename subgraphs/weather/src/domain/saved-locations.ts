import { z } from 'zod';
import { ConflictError, encodeId, NotFoundError, refreshLoaders, uuidv7, validate, written } from '@mosaic/kit';
import type { Context } from '../context';
import { countSavedLocationsOf, deleteSavedLocationRow, insertSavedLocation, updateSavedLocationRow } from '../data/saved-locations-repo';
import type { NewSavedLocation, SavedLocationRow } from '../data/tables';
import { pointKey } from './coordinates';
import { DEFAULT_THRESHOLDS, evaluateWarnings, thresholdsOf, warningsDigest, type Thresholds, type Warning } from './warnings/evaluate-warnings';
import { hourlyOf, resolveLocation, type LocationView } from './weather';

const NAME_MAX = 100;
const LINE_BREAK_OR_CONTROL = /[\p{Cc}\u2028\u2029]/u;

const name = z
  .string()
  .trim()
  .refine((text) => text.length >= 1 && [...text].length <= NAME_MAX, `must be 1 to ${NAME_MAX} characters`)
  .refine((text) => !LINE_BREAK_OR_CONTROL.test(text), 'must be one line without control characters');

const between = (low: number, high: number, unit: string) =>
  z
    .number()
    .refine((value) => Number.isFinite(value) && value >= low && value <= high, `must be between ${low} and ${high} ${unit}, or null to switch it off`)
    .nullable();

const thresholdsInput = z.object({
  windGusts: between(10, 300, 'km/h').optional(),
  heat: between(-50, 60, '°C').optional(),
  frost: between(-80, 30, '°C').optional(),
  heavyRain: between(0.1, 500, 'mm per hour').optional(),
  thunderstorms: z.boolean({ error: 'must be true or false' }).optional(),
});

const columnsOf = (thresholds: Thresholds) => ({
  windGustsThreshold: thresholds.windGusts,
  heatThreshold: thresholds.heat,
  frostThreshold: thresholds.frost,
  heavyRainThreshold: thresholds.heavyRain,
  thunderstorms: thresholds.thunderstorms,
});

const merged = (base: Thresholds, given: z.output<typeof thresholdsInput> | null | undefined): Thresholds => ({
  windGusts: given?.windGusts !== undefined ? given.windGusts : base.windGusts,
  heat: given?.heat !== undefined ? given.heat : base.heat,
  frost: given?.frost !== undefined ? given.frost : base.frost,
  heavyRain: given?.heavyRain !== undefined ? given.heavyRain : base.heavyRain,
  thunderstorms: given?.thunderstorms ?? base.thunderstorms,
});

type Ctx = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings' | 'forecasts' | 'sections' | 'warnings'>;

/** The warnings `row`'s thresholds raise now, or none when no forecast can be had (they are re-evaluated on the next refresh). */
async function currentWarnings(ctx: Ctx, row: SavedLocationRow): Promise<Warning[] | null> {
  try {
    return evaluateWarnings((await hourlyOf(ctx, locationViewOf(row).point)).value.hours, thresholdsOf(row), ctx.now().getTime());
  } catch {
    return null;
  }
}

export async function saveLocation(ctx: Ctx, input: unknown): Promise<SavedLocationRow> {
  const ownerId = ctx.auth.require('weather:write').userId;
  const values = validate(z.object({ name, place: z.string().nullish(), coordinates: z.object({ latitude: z.number(), longitude: z.number() }).nullish(), thresholds: thresholdsInput.nullish() }), input);
  const location = await resolveLocation(ctx, values, 'input.');
  if ((await countSavedLocationsOf(ctx.db, ownerId)) >= ctx.settings.maxLocationsPerUser) {
    throw new ConflictError(`You already keep ${ctx.settings.maxLocationsPerUser} locations, the most one account may. Delete one first.`);
  }
  const thresholds = merged(DEFAULT_THRESHOLDS, values.thresholds);
  const now = ctx.now();
  const row: NewSavedLocation = {
    id: uuidv7(now.getTime()),
    ownerId,
    name: values.name,
    placeName: location.name,
    countryCode: location.countryCode,
    region: location.region,
    latitude: location.point.latitude,
    longitude: location.point.longitude,
    gridKey: pointKey(location.point),
    timeZone: location.timeZone,
    ...columnsOf(thresholds),
    warningsDigest: warningsDigest([]),
    warningsEvaluatedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  // Start from the warnings as they are now: the subscription then announces changes, not the starting state.
  const warnings = await currentWarnings(ctx, { ...row, warningsEvaluatedAt: null } as SavedLocationRow);
  const saved = await insertSavedLocation(ctx.db, { ...row, ...(warnings ? { warningsDigest: warningsDigest(warnings), warningsEvaluatedAt: now } : {}) });
  refreshLoaders(ctx.loaders, written(ctx.loaders.savedLocationById, saved.id, saved));
  return saved;
}

/** Renames it or changes thresholds; changed thresholds are evaluated at once (and announced if the warnings change). */
export async function updateLocation(ctx: Ctx, id: string, input: unknown): Promise<SavedLocationRow> {
  const ownerId = ctx.auth.require('weather:write').userId;
  const values = validate(z.object({ name: name.optional(), thresholds: thresholdsInput.nullish() }), input);
  const current = await findOwnLocation(ctx, id);
  if (!current) throw new NotFoundError('SavedLocation', encodeId('SavedLocation', id));
  const changes: Partial<NewSavedLocation> = {};
  if (values.name !== undefined) changes.name = values.name;
  if (values.thresholds) Object.assign(changes, columnsOf(merged(thresholdsOf(current), values.thresholds)));
  if (Object.keys(changes).length === 0) return current;
  const row = await updateSavedLocationRow(ctx.db, id, ownerId, { ...changes, updatedAt: ctx.now() });
  if (!row) throw new NotFoundError('SavedLocation', encodeId('SavedLocation', id));
  if (values.thresholds) {
    const report = await hourlyOf(ctx, locationViewOf(row).point).catch(() => null);
    if (report) await ctx.warnings.evaluate(row, report.value);
  }
  refreshLoaders(ctx.loaders, written(ctx.loaders.savedLocationById, row.id, row));
  return row;
}

export async function deleteLocation(ctx: Ctx, id: string): Promise<string> {
  const ownerId = ctx.auth.require('weather:write').userId;
  if (!(await deleteSavedLocationRow(ctx.db, id, ownerId))) throw new NotFoundError('SavedLocation', encodeId('SavedLocation', id));
  refreshLoaders(ctx.loaders, written(ctx.loaders.savedLocationById, id, null));
  return id;
}

/** The caller's saved location, or null: someone else's looks exactly like a missing one. */
export async function findOwnLocation(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<SavedLocationRow | null> {
  const viewer = ctx.auth.require('weather:read');
  const row = await ctx.loaders.savedLocationById.load(id);
  return row?.ownerId === viewer.userId ? row : null;
}

/** `User.savedLocations`: the owner's own, or anyone's for admins; one statement for every user asked for. */
export async function listLocations(ctx: Pick<Context, 'auth' | 'loaders'>, ownerId: string): Promise<SavedLocationRow[]> {
  ctx.auth.require('weather:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'saved locations');
  const rows = await ctx.loaders.savedLocationsOf.load(ownerId);
  for (const row of rows) ctx.loaders.savedLocationById.prime(row.id, row);
  return rows;
}

export const locationViewOf = (row: SavedLocationRow): LocationView => ({
  name: row.placeName,
  countryCode: row.countryCode,
  region: row.region,
  point: { latitude: row.latitude, longitude: row.longitude },
  timeZone: row.timeZone,
});

/** `SavedLocation.warnings`: evaluated from the (cached) hourly forecast when asked. */
export async function warningsOf(ctx: Ctx, row: SavedLocationRow): Promise<Warning[]> {
  return evaluateWarnings((await hourlyOf(ctx, locationViewOf(row).point)).value.hours, thresholdsOf(row), ctx.now().getTime());
}
