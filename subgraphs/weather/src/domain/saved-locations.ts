import { z } from 'zod';
import { ConflictError, decodeCursor, pageSize, refreshLoaders, toConnection, uuidv7, validate, written, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { countSavedLocationsOf, insertSavedLocation } from '../data/saved-location-repo';
import type { SavedLocationRow } from '../data/tables';

const createInput = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters') });

/** Adds a savedLocation for the caller; refused once they hold the configured maximum. */
export async function createSavedLocation(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings'>, input: unknown): Promise<SavedLocationRow> {
  const ownerId = ctx.auth.require('weather:write').userId;
  const { name } = validate(createInput, input);
  if ((await countSavedLocationsOf(ctx.db, ownerId)) >= ctx.settings.maxPerUser) {
    throw new ConflictError(`You already have ${ctx.settings.maxPerUser} savedLocations, the most one account may keep.`);
  }
  const now = ctx.now();
  const row = await insertSavedLocation(ctx.db, { id: uuidv7(now.getTime()), ownerId, name, createdAt: now });
  refreshLoaders(ctx.loaders, written(ctx.loaders.savedLocationById, row.id, row));
  return row;
}

/** The caller's savedLocation, or null: someone else's looks exactly like a missing one. */
export async function findOwnSavedLocation(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<SavedLocationRow | null> {
  const viewer = ctx.auth.require('weather:read');
  const row = await ctx.loaders.savedLocationById.load(id);
  return row?.ownerId === viewer.userId ? row : null;
}

const cursorKey = (row: SavedLocationRow) => [row.createdAt.toISOString(), row.id] as const;

/** `User.savedLocations`: the owner's own, or anyone's for admins; batched across users by the loader. */
export async function listSavedLocations(ctx: Pick<Context, 'auth' | 'loaders'>, ownerId: string, args: PageArgs): Promise<Connection<SavedLocationRow>> {
  ctx.auth.require('weather:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'savedLocations');
  const limit = pageSize(args.first);
  const [createdAt, id] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
  const after = createdAt && id ? { createdAt, id } : null;
  const rows = await ctx.loaders.savedLocationPage.load({ parentId: ownerId, query: { limit, after } });
  for (const row of rows) ctx.loaders.savedLocationById.prime(row.id, row);
  return toConnection(rows, limit, cursorKey, args.after);
}
