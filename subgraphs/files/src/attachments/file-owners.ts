import { and, desc, eq, inArray, like } from 'drizzle-orm';
import { text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';
import type { Db, EventHandler, SubgraphEvents } from '@mosaic/kit';
import { filesEvents } from '../events';

/**
 * An attaching subgraph's projection of files' `file.uploaded` / `file.deleted`: who owns each
 * file, so attaching can be refused synchronously ("not one of your files") without asking files.
 * Each subgraph keeps it in its own schema (`fileOwnersTable(chatSchema)`).
 */
export function fileOwnersTable(schema: PgSchema) {
  return schema.table('file_owners', {
    fileId: uuid('file_id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    contentType: text('content_type').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  });
}

export type FileOwnersTable = ReturnType<typeof fileOwnersTable>;
export interface FileOwnerRow {
  fileId: string;
  ownerId: string;
  contentType: string;
  uploadedAt: Date;
}

/** The projection's handlers, as the consumer runs them (exported for tests). */
export function fileOwnerHandlers(table: FileOwnersTable): {
  uploaded: EventHandler<typeof filesEvents, 'file.uploaded'>;
  deleted: EventHandler<typeof filesEvents, 'file.deleted'>;
} {
  return {
    uploaded: async (event, { tx }) => {
      const { fileId, ownerId, contentType } = event.payload;
      await tx.insert(table).values({ fileId, ownerId, contentType, uploadedAt: new Date(event.occurredAt) }).onConflictDoNothing();
    },
    deleted: async (event, { tx }) => {
      await tx.delete(table).where(inArray(table.fileId, [event.payload.fileId]));
    },
  };
}

/**
 * Keeps `table` in step with files (at least once; the inbox makes a repeat change nothing). A
 * deleted file's row goes, and with it (foreign keys with `on delete cascade`) the subgraph's
 * attachments of it.
 */
export function projectFileOwners(events: Pick<SubgraphEvents, 'on'>, table: FileOwnersTable): void {
  const handlers = fileOwnerHandlers(table);
  events.on(filesEvents, 'file.uploaded', handlers.uploaded, { group: 'file-owners' });
  events.on(filesEvents, 'file.deleted', handlers.deleted, { group: 'file-owners-deleted' });
}

export async function findFileOwners(db: Db, table: FileOwnersTable, fileIds: readonly string[]): Promise<FileOwnerRow[]> {
  if (fileIds.length === 0) return [];
  return db.select().from(table).where(inArray(table.fileId, [...fileIds]));
}

/**
 * For demo seeds only: the newest file of `ownerId` whose type starts with `typePrefix`, once
 * files' `file.uploaded` has reached this subgraph's projection (a relay hop after the upload);
 * null if it has not within `timeoutMs`. Requests never wait like this: they answer NOT_YOUR_FILE.
 */
export async function awaitProjectedFile(db: Db, table: FileOwnersTable, ownerId: string, typePrefix: string, timeoutMs = 30_000): Promise<FileOwnerRow | null> {
  for (let waited = 0; waited <= timeoutMs; waited += 250) {
    const rows = await db.select().from(table).where(and(eq(table.ownerId, ownerId), like(table.contentType, `${typePrefix}%`))).orderBy(desc(table.uploadedAt)).limit(1);
    if (rows[0]) return rows[0];
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}
