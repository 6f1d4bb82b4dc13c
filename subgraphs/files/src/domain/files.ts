import { z } from 'zod';
import { ConflictError, decodeCursor, pageSize, refreshLoaders, toConnection, uuidv7, validate, written, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { countFilesOf, insertFile } from '../data/file-repo';
import type { FileRow } from '../data/tables';

const createInput = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters') });

/** Adds a file for the caller; refused once they hold the configured maximum. */
export async function createFile(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings'>, input: unknown): Promise<FileRow> {
  const ownerId = ctx.auth.require('files:write').userId;
  const { name } = validate(createInput, input);
  if ((await countFilesOf(ctx.db, ownerId)) >= ctx.settings.maxPerUser) {
    throw new ConflictError(`You already have ${ctx.settings.maxPerUser} files, the most one account may keep.`);
  }
  const now = ctx.now();
  const row = await insertFile(ctx.db, { id: uuidv7(now.getTime()), ownerId, name, createdAt: now });
  refreshLoaders(ctx.loaders, written(ctx.loaders.fileById, row.id, row));
  return row;
}

/** The caller's file, or null: someone else's looks exactly like a missing one. */
export async function findOwnFile(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<FileRow | null> {
  const viewer = ctx.auth.require('files:read');
  const row = await ctx.loaders.fileById.load(id);
  return row?.ownerId === viewer.userId ? row : null;
}

const cursorKey = (row: FileRow) => [row.createdAt.toISOString(), row.id] as const;

/** `User.files`: the owner's own, or anyone's for admins; batched across users by the loader. */
export async function listFiles(ctx: Pick<Context, 'auth' | 'loaders'>, ownerId: string, args: PageArgs): Promise<Connection<FileRow>> {
  ctx.auth.require('files:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'files');
  const limit = pageSize(args.first);
  const [createdAt, id] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
  const after = createdAt && id ? { createdAt, id } : null;
  const rows = await ctx.loaders.filePage.load({ parentId: ownerId, query: { limit, after } });
  for (const row of rows) ctx.loaders.fileById.prime(row.id, row);
  return toConnection(rows, limit, cursorKey, args.after);
}
