import { z } from 'zod';
import { UserInputError, uuidv7, refreshLoaders } from '@mosaic/kit';
import type { Context } from '../context';
import { insertMembers } from '../data/members-repo';
import { findDirectRoom, insertDirectRoom } from '../data/rooms-repo';
import type { RoomRow } from '../data/tables';

/** A direct conversation holds at most this many people, the caller included (a small group, like Mattermost's group messages). */
export const MAX_DIRECT_PARTICIPANTS = 8;

const othersSchema = z
  .array(z.string())
  .min(1, 'name at least one other person')
  .max(MAX_DIRECT_PARTICIPANTS - 1, `a direct conversation holds at most ${MAX_DIRECT_PARTICIPANTS} people, you included; create a private room for more`);

/** The key the same set of people always maps to: raw ids, sorted, joined. */
export const directKeyOf = (participants: readonly string[]): string => [...new Set(participants)].sort().join(',');

/**
 * Finds the direct conversation between the viewer and `userIds` (raw ids), or creates it: private,
 * every participant a member (no owners: nobody manages it), no name. Idempotent for the same set
 * of people in any order, also under concurrent calls: the unique `direct_key` lets exactly one
 * insert win, and the others read the winner. Like invitations, the ids are not looked up in
 * accounts (another subgraph): a conversation with an id nobody signs in with just waits.
 */
export async function openDirectConversation(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, userIds: readonly string[]): Promise<RoomRow> {
  const viewerId = ctx.auth.userId();
  const others = [...new Set(userIds)].filter((id) => id !== viewerId);
  const parsed = othersSchema.safeParse(others);
  if (!parsed.success) throw new UserInputError(`userIds: ${parsed.error.issues[0]!.message}.`, 'userIds');
  const participants = [viewerId, ...others];
  const directKey = directKeyOf(participants);
  const now = ctx.now();
  const room = await ctx.db.transaction(async (tx) => {
    const created = await insertDirectRoom(tx, {
      id: uuidv7(now.getTime()),
      name: '',
      description: null,
      visibility: 'PRIVATE',
      createdById: viewerId,
      createdAt: now,
      lastMessageId: null,
      lastActivityAt: now,
      directKey,
    });
    if (!created) return (await findDirectRoom(tx, directKey))!;
    await insertMembers(
      tx,
      participants.map((userId) => ({ roomId: created.id, userId, role: 'MEMBER' as const, joinedAt: now, lastReadMessageId: null })),
    );
    return created;
  });
  refreshLoaders(ctx.loaders);
  return room;
}
