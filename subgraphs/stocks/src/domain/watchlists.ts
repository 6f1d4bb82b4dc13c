import { z } from 'zod';
import { ConflictError, NotFoundError, UserInputError, encodeId, isUniqueViolation, uuidv7, validate, refreshLoaders } from '@mosaic/kit';
import type { Context } from '../context';
import { lockOwner } from '../data/locks';
import type { WatchlistRow } from '../data/tables';
import {
  countWatchlistsOf,
  deleteOwnedWatchlist,
  findOwnedWatchlistForUpdate,
  findSymbolsOfWatchlists,
  insertWatchlist,
  renameOwnedWatchlist,
  replaceSymbols,
  touchWatchlist,
} from '../data/watchlists-repo';

export const MAX_WATCHLISTS = 20;
export const MAX_WATCHLIST_SYMBOLS = 100;

type Ctx = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'catalog'>;

const name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(60, 'must be at most 60 characters')
  .refine((value) => !/[\r\n]/.test(value) && !value.includes('\u0000'), 'must be one line, without control characters');

const createInput = z.object({ name, symbols: z.array(z.string()).nullish() });

/** The user's watchlists in their order (through the batched loader). */
export function watchlistsOf(ctx: Pick<Context, 'loaders'>, ownerId: string): Promise<WatchlistRow[]> {
  return ctx.loaders.watchlistsOf.load(ownerId);
}

export async function watchlistSymbols(ctx: Pick<Context, 'loaders'>, watchlistId: string): Promise<string[]> {
  return (await ctx.loaders.symbolsOf.load(watchlistId)).map((row) => row.symbol);
}

export async function createWatchlist(ctx: Ctx, input: unknown): Promise<WatchlistRow> {
  const viewer = ctx.auth.signedIn();
  const values = validate(createInput, input);
  const symbols = symbolsFor(ctx, values.symbols ?? [], 'input.symbols', 0);
  const now = ctx.now();
  const row = await unique(values.name, () =>
    ctx.db.transaction(async (tx) => {
      await lockOwner(tx, 'watchlists', viewer.userId);
      const existing = await countWatchlistsOf(tx, viewer.userId);
      if (existing.count >= MAX_WATCHLISTS) throw new ConflictError(`You have ${MAX_WATCHLISTS} watchlists, the most allowed; delete one first.`, { limit: MAX_WATCHLISTS });
      const watchlist = await insertWatchlist(tx, {
        id: uuidv7(now.getTime()),
        ownerId: viewer.userId,
        name: values.name,
        position: (existing.lastPosition ?? -1) + 1,
        createdAt: now,
        updatedAt: now,
      });
      await replaceSymbols(tx, watchlist.id, symbols, now);
      return watchlist;
    }),
  );
  refreshLoaders(ctx.loaders);
  return row;
}

export async function renameWatchlist(ctx: Ctx, id: string, newName: string): Promise<WatchlistRow> {
  const viewer = ctx.auth.signedIn();
  const value = validate(name, newName, 'name');
  const row = await unique(value, () => renameOwnedWatchlist(ctx.db, id, viewer.userId, value, ctx.now()));
  if (!row) throw new NotFoundError('Watchlist', encodeId('Watchlist', id));
  refreshLoaders(ctx.loaders);
  return row;
}

export async function deleteWatchlist(ctx: Ctx, id: string): Promise<string> {
  const viewer = ctx.auth.signedIn();
  if (!(await deleteOwnedWatchlist(ctx.db, id, viewer.userId))) throw new NotFoundError('Watchlist', encodeId('Watchlist', id));
  refreshLoaders(ctx.loaders);
  return encodeId('Watchlist', id);
}

/** Appends symbols (ones already listed keep their place). */
export function addWatchlistSymbols(ctx: Ctx, id: string, symbols: readonly string[]): Promise<WatchlistRow> {
  return changeSymbols(ctx, id, symbols, (current, given) => [...current, ...given.filter((symbol) => !current.includes(symbol))]);
}

/** Removes symbols (ones not listed are ignored). */
export function removeWatchlistSymbols(ctx: Ctx, id: string, symbols: readonly string[]): Promise<WatchlistRow> {
  return changeSymbols(ctx, id, symbols, (current, given) => current.filter((symbol) => !given.includes(symbol)));
}

/** Puts the symbols in the given order; it must name exactly the symbols the watchlist has. */
export function reorderWatchlistSymbols(ctx: Ctx, id: string, symbols: readonly string[]): Promise<WatchlistRow> {
  return changeSymbols(ctx, id, symbols, (current, given) => {
    const same = given.length === current.length && given.every((symbol) => current.includes(symbol));
    if (!same) throw new UserInputError(`symbols: list each of the watchlist's ${current.length} symbols exactly once, in the new order.`, 'symbols');
    return given;
  });
}

async function changeSymbols(ctx: Ctx, id: string, input: readonly string[], change: (current: string[], given: string[]) => string[]): Promise<WatchlistRow> {
  const viewer = ctx.auth.signedIn();
  const given = symbolsFor(ctx, input, 'symbols', 1);
  const now = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const watchlist = await findOwnedWatchlistForUpdate(tx, id, viewer.userId);
    if (!watchlist) throw new NotFoundError('Watchlist', encodeId('Watchlist', id));
    const current = (await findSymbolsOfWatchlists(tx, [id])).map((item) => item.symbol);
    const next = change(current, given);
    if (next.length > MAX_WATCHLIST_SYMBOLS) throw new UserInputError(`symbols: a watchlist holds at most ${MAX_WATCHLIST_SYMBOLS} symbols; this one would have ${next.length}.`, 'symbols');
    if (next.join() === current.join()) return watchlist;
    await replaceSymbols(tx, id, next, now);
    return touchWatchlist(tx, id, now);
  });
  refreshLoaders(ctx.loaders);
  return row;
}

function symbolsFor(ctx: Pick<Context, 'catalog'>, input: readonly string[], field: string, min: number): string[] {
  return ctx.catalog.requireAll(input, field, { min, max: MAX_WATCHLIST_SYMBOLS }).map((row) => row.symbol);
}

async function unique<T>(watchlistName: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'watchlists_owner_name_key')) throw new ConflictError(`You already have a watchlist named "${watchlistName}".`, { field: 'name' });
    throw error;
  }
}
