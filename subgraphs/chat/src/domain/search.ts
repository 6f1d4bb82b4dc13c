import { z } from 'zod';
import { pageSize, toConnection, validate, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { searchMessages } from '../data/search-repo';
import type { MessageRow } from '../data/tables';
import { decodeSearchCursor, searchCursorKey } from './cursors';

const querySchema = z
  .string()
  .trim()
  .min(1, 'give at least one word to search for')
  .max(200, 'at most 200 characters')
  .refine((text) => /[\p{L}\p{N}]/u.test(text), 'give at least one word (letters or digits) to search for');

/**
 * `Query.chatSearch`: full-text search (PostgreSQL, words not stemmed) over the messages of the
 * rooms the viewer is a member of — public rooms they have not joined are not searched, nor rooms
 * they left — newest first.
 */
export async function searchChat(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, args: PageArgs & { query: unknown; roomId: string | null }): Promise<Connection<MessageRow>> {
  const userId = ctx.auth.userId();
  const text = validate(querySchema, args.query, 'query');
  const limit = pageSize(args.first);
  const rows = await searchMessages(ctx.db, { userId, text, roomId: args.roomId, limit, before: args.after ? decodeSearchCursor(args.after) : null });
  for (const message of rows) ctx.loaders.messageById.prime(message.id, message);
  return toConnection(rows, limit, searchCursorKey, args.after);
}
