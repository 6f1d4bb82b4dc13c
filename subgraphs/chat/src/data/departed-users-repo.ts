import { and, asc, eq, inArray, isNull, ne, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@mosaic/kit';
import { invitations, linkPreviews, members, mentions, messages, reactions, rooms, threadFollowers } from './tables';

/**
 * Everything chat keeps about a user whose account was deleted, removed in the caller's
 * transaction: rooms only they were in go (as when the last member leaves), a room they were the
 * last owner of gets its longest-standing member as owner, their memberships, invitations,
 * reactions, thread follows and mentions of them go, and their messages are deleted as a deletion by their author would (text gone,
 * place in the history kept). Returns the messages deleted, for their live events.
 */
export async function forgetUser(db: Db, userId: string, now: Date): Promise<{ id: string; roomId: string }[]> {
  const theirRooms = db.select({ roomId: members.roomId }).from(members).where(eq(members.userId, userId));
  // Rooms first, in id order: every writer of a room locks it, so nothing changes under us.
  await db.select({ id: rooms.id }).from(rooms).where(inArray(rooms.id, theirRooms)).orderBy(asc(rooms.id)).for('update');

  const other = alias(members, 'other');
  await db.delete(rooms).where(
    and(
      inArray(rooms.id, theirRooms),
      notExists(db.select({ one: sql`1` }).from(other).where(and(eq(other.roomId, rooms.id), ne(other.userId, userId)))),
    ),
  );
  await db.execute(sql`
    update ${members} set role = 'OWNER'
    from (
      select distinct on (heir.room_id) heir.room_id, heir.user_id
      from ${members} heir
      join ${members} departing on departing.room_id = heir.room_id and departing.user_id = ${userId} and departing.role = 'OWNER'
      where heir.user_id <> ${userId}
        and not exists (select 1 from ${members} owner where owner.room_id = heir.room_id and owner.role = 'OWNER' and owner.user_id <> ${userId})
      order by heir.room_id, heir.joined_at, heir.user_id
    ) successor
    where ${members.roomId} = successor.room_id and ${members.userId} = successor.user_id`);
  await db.delete(members).where(eq(members.userId, userId));
  await db.delete(invitations).where(eq(invitations.userId, userId));
  await db.delete(reactions).where(eq(reactions.userId, userId));
  await db.delete(threadFollowers).where(eq(threadFollowers.userId, userId));
  await db.delete(mentions).where(eq(mentions.userId, userId));
  const deleted = await db
    .update(messages)
    .set({ text: '', deletedAt: now })
    .where(and(eq(messages.authorId, userId), isNull(messages.deletedAt)))
    .returning({ id: messages.id, roomId: messages.roomId });
  // A deleted message has no reactions nor preview (as deleteMessage leaves it).
  if (deleted.length > 0) {
    await db.delete(reactions).where(inArray(reactions.messageId, deleted.map((m) => m.id)));
    await db.delete(linkPreviews).where(inArray(linkPreviews.messageId, deleted.map((m) => m.id)));
  }
  return deleted;
}
