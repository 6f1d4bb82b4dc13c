import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { ConflictError, decodeCursor, NotFoundError, pageSize, refreshLoaders, toConnection, UserInputError, validate, written, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteFileRow, deleteShare, insertShare, releaseUsage, setPublicToken } from '../data/file-repo';
import type { FileRow } from '../data/tables';
import { accessTo } from './access';
import { ingestFile } from './ingest/ingest';
import { UploadRefusedError } from './ingest/upload-refused';
import type { Disposition } from './signed-urls';
import type { StorageUsageMapper } from '../mappers';

type Ctx = Pick<Context, 'auth' | 'viewer' | 'loaders'>;

/** A file the viewer may read (owner, shared with them, admin), or null: anyone else's looks missing. */
export async function findReadableFile(ctx: Ctx, id: string): Promise<FileRow | null> {
  ctx.auth.require('files:read');
  const row = await ctx.loaders.fileById.load(id);
  if (!row) return null;
  return (await accessTo(ctx.viewer, row, ctx.loaders)) === 'none' ? null : row;
}

/** One of the viewer's own files, for changes; NOT_FOUND for anyone else's (as for a missing one). */
async function ownFile(ctx: Ctx, id: string): Promise<FileRow> {
  const userId = ctx.auth.require('files:write').userId;
  const row = await ctx.loaders.fileById.load(id);
  if (!row || row.ownerId !== userId) throw new NotFoundError('File', undefined);
  return row;
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

/** `User.storageUsage`: the user's own bytes against the personal quota (uploads within an organisation count against the organisation's). */
export async function storageUsageOf(ctx: Pick<Context, 'auth' | 'loaders' | 'quota'>, ownerId: string): Promise<StorageUsageMapper> {
  ctx.auth.require('files:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'files');
  const usage = await ctx.loaders.usageOf.load(ownerId);
  return { bytesUsed: usage?.bytesUsed ?? 0, fileCount: usage?.fileCount ?? 0, quotaBytes: await ctx.quota.quotaBytesFor({ ownerId, organizationId: null }) };
}

const MAX_URL_SECONDS = 24 * 3600;

function lifetime(ctx: Pick<Context, 'settings'>, expiresInSeconds: number | null | undefined, field: string): number {
  if (expiresInSeconds === null || expiresInSeconds === undefined) return ctx.settings.urlTtlSeconds;
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 10 || expiresInSeconds > MAX_URL_SECONDS) {
    throw new UserInputError(`A download URL lives 10 to ${MAX_URL_SECONDS} seconds.`, field);
  }
  return expiresInSeconds;
}

/** A signed download URL of a file the viewer may read (the parent was resolved through an access check). */
export function downloadUrl(ctx: Pick<Context, 'signer' | 'settings' | 'now'>, row: FileRow, disposition: Disposition, expiresInSeconds?: number | null): string {
  const seconds = lifetime(ctx, expiresInSeconds, 'expiresInSeconds');
  return ctx.signer.url({ fileId: row.id, variant: 'original', disposition, expiresAt: Math.floor(ctx.now().getTime() / 1000) + seconds });
}

export function thumbnailUrl(ctx: Pick<Context, 'signer' | 'settings' | 'now'>, row: FileRow, expiresInSeconds?: number | null): string | null {
  if (!row.thumbnailKey) return null;
  const seconds = lifetime(ctx, expiresInSeconds, 'expiresInSeconds');
  return ctx.signer.url({ fileId: row.id, variant: 'thumbnail', disposition: 'inline', expiresAt: Math.floor(ctx.now().getTime() / 1000) + seconds });
}

const isOwner = (ctx: Pick<Context, 'viewer'>, row: FileRow) => ctx.viewer?.userId === row.ownerId;

export function publicUrl(ctx: Pick<Context, 'viewer' | 'settings'>, row: FileRow): string | null {
  return isOwner(ctx, row) && row.publicToken ? `${ctx.settings.publicUrl}/files/p/${row.publicToken}` : null;
}

export async function sharedWith(ctx: Pick<Context, 'viewer' | 'loaders'>, row: FileRow): Promise<string[]> {
  if (!isOwner(ctx, row)) return [];
  return (await ctx.loaders.sharesOfFile.load(row.id)).map((share) => share.userId);
}

const smallFileInput = z.object({
  name: z.string().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters'),
  contentBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});

/** The GraphQL face of an upload refusal: quota as CONFLICT (reason QUOTA_EXCEEDED), the rest as bad input. */
function asGraphQLError(error: unknown): unknown {
  if (!(error instanceof UploadRefusedError)) return error;
  if (error.code === 'QUOTA_EXCEEDED') return new ConflictError(error.message, { reason: 'QUOTA_EXCEEDED', ...error.details });
  return new UserInputError(error.message, error.code === 'BAD_FILE_NAME' ? 'input.name' : 'input.contentBase64');
}

/** `uploadSmallFile`: a small file inside GraphQL, through the same ingest as every upload. */
export async function uploadSmallFile(ctx: Context, input: unknown): Promise<FileRow> {
  const ownerId = ctx.auth.require('files:write').userId;
  const { name, contentBase64 } = validate(smallFileInput, input);
  if ((contentBase64.length * 3) / 4 > ctx.settings.inlineMaxBytes + 3) {
    throw new UserInputError(`At most ${ctx.settings.inlineMaxBytes} bytes can be sent inside GraphQL; upload larger files with POST /files/upload or tus.`, 'input.contentBase64');
  }
  const bytes = Buffer.from(contentBase64, 'base64');
  try {
    const { file } = await ingestFile(ctx, { ownerId, organizationId: ctx.auth.tenantId(), name, declaredSize: bytes.length, body: Readable.from([bytes]) });
    refreshLoaders(ctx.loaders, written(ctx.loaders.fileById, file.id, file));
    return file;
  } catch (error) {
    throw asGraphQLError(error);
  }
}

/** Deletes an own file: row, usage and `file.deleted` in one transaction, then the stored objects. */
export async function deleteFile(ctx: Context, id: string): Promise<{ deletedId: string; storageUsage: StorageUsageMapper }> {
  const row = await ownFile(ctx, id);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteFileRow(tx, row.id))) throw new NotFoundError('File', undefined);
    await releaseUsage(tx, row.usageAccountId ?? row.ownerId, row.size, now);
    await ctx.events.emit(tx, 'file.deleted', { fileId: row.id, ownerId: row.ownerId });
  });
  for (const key of [row.storageKey, row.thumbnailKey]) {
    if (key) await ctx.storage.delete(key).catch((error: unknown) => ctx.log.warn({ err: error, key }, 'a deleted file left its object behind'));
  }
  ctx.loaders.fileById.clear(row.id);
  ctx.loaders.usageOf.clear(row.ownerId);
  return { deletedId: row.id, storageUsage: await storageUsageOf(ctx, row.ownerId) };
}

export async function shareFile(ctx: Context, fileId: string, userId: string, share: boolean): Promise<FileRow> {
  const row = await ownFile(ctx, fileId);
  if (userId === row.ownerId) throw new UserInputError('This is your own file; share it with someone else.', 'input.userId');
  if (share) await insertShare(ctx.db, { fileId: row.id, userId, createdAt: ctx.now() });
  else await deleteShare(ctx.db, row.id, userId);
  ctx.loaders.sharesOfFile.clear(row.id);
  return row;
}

export async function setPublicLink(ctx: Context, fileId: string, enabled: boolean): Promise<FileRow> {
  const row = await ownFile(ctx, fileId);
  const updated = await setPublicToken(ctx.db, row.id, enabled ? randomBytes(24).toString('base64url') : null);
  if (!updated) throw new NotFoundError('File', undefined);
  refreshLoaders(ctx.loaders, written(ctx.loaders.fileById, updated.id, updated));
  return updated;
}

