import { and, asc, desc, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { uuidRows } from './id-list';
import { messages, type MessageRow } from './tables';

export interface PerParentPage {
  /** The column that names a message's parent (its room, its thread's root). */
  parent: typeof messages.roomId | typeof messages.threadRootId;
  /** Further conditions of one parent's page (cursor, timeline filters). */
  where: SQL | undefined;
  newestFirst: boolean;
  /** Rows per parent, one more than the page so the caller sees whether there is a next page. */
  limit: number;
}

/**
 * One page of messages per parent for many parents in ONE statement: a lateral subquery runs the
 * single-parent query (an index range scan, LIMIT) once per parent. Rows come back grouped by
 * parent in the order of `parentIds`, each group in page order.
 */
export async function findMessagePagesPerParent(db: Db, parentIds: readonly string[], query: PerParentPage): Promise<MessageRow[]> {
  if (parentIds.length === 0) return [];
  const order = query.newestFirst ? desc(messages.id) : asc(messages.id);
  const page = db
    .select({ ...getTableColumns(messages), position: sql<number>`row_number() over (order by ${order})`.as('position') })
    .from(messages)
    .where(and(sql`${query.parent} = parents.id`, query.where))
    .orderBy(order)
    .limit(query.limit)
    .as('page');
  return db
    .select({
      id: page.id,
      roomId: page.roomId,
      authorId: page.authorId,
      text: page.text,
      replyToId: page.replyToId,
      threadRootId: page.threadRootId,
      createdAt: page.createdAt,
      editedAt: page.editedAt,
      deletedAt: page.deletedAt,
    } satisfies Record<keyof MessageRow, unknown>)
    .from(uuidRows(parentIds, 'parents'))
    .crossJoinLateral(page)
    .orderBy(sql`parents.ord`, page.position);
}
