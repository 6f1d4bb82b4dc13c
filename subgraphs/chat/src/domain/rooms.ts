import { z } from 'zod';
import { ForbiddenError, NotFoundError, UserInputError, uuidv7, validate, refreshLoaders } from '@mosaic/kit';
import type { Context } from '../context';
import { insertMember } from '../data/members-repo';
import { insertRoom, lockRoom, updateRoomRow } from '../data/rooms-repo';
import { ROOM_VISIBILITIES, type RoomRow } from '../data/tables';
import { assertMember, assertNotDirect, assertOwner, maySee, roomAccess } from './room-access';
import { roomDescriptionSchema, roomNameSchema } from './text';

type ChatContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>;

/** `Query.room`: a room the viewer may see; FORBIDDEN for a private room they may not, NOT_FOUND for none. */
export async function findRoom(ctx: Pick<Context, 'auth' | 'loaders'>, roomId: string): Promise<RoomRow> {
  const access = await roomAccess(ctx, roomId);
  if (!(await maySee(ctx, access))) throw new ForbiddenError('This room is private: only its members and people invited can see it.');
  return access.room;
}

/** `_entities`: the same rule as `Query.room`, but a room the viewer may not see resolves to null. */
export async function visibleRoom(ctx: Pick<Context, 'auth' | 'loaders'>, roomId: string): Promise<RoomRow | null> {
  ctx.auth.userId();
  const room = await ctx.loaders.roomById.load(roomId);
  if (!room) return null;
  return (await maySee(ctx, { room, membership: await ctx.loaders.membership.load(roomId) })) ? room : null;
}

const createInput = z.object({
  name: roomNameSchema,
  description: roomDescriptionSchema.nullish(),
  visibility: z.enum(ROOM_VISIBILITIES).nullish(),
});

/** Creates a room with the viewer as its owner (one transaction: a room never exists without an owner). */
export async function createRoom(ctx: ChatContext, input: unknown): Promise<RoomRow> {
  const viewerId = ctx.auth.userId();
  const values = validate(createInput, input);
  const now = ctx.now();
  const room = await ctx.db.transaction(async (tx) => {
    const created = await insertRoom(tx, {
      id: uuidv7(now.getTime()),
      name: values.name,
      description: values.description ?? null,
      visibility: values.visibility ?? 'PUBLIC',
      createdById: viewerId,
      createdAt: now,
      lastMessageId: null,
      lastActivityAt: now,
      directKey: null,
    });
    await insertMember(tx, { roomId: created.id, userId: viewerId, role: 'OWNER', joinedAt: now, lastReadMessageId: null });
    return created;
  });
  refreshLoaders(ctx.loaders);
  return room;
}

/** Omitted fields keep their value; a null name is refused rather than guessed at. */
const updateInput = z.object({
  name: roomNameSchema.optional(),
  description: roomDescriptionSchema.nullish(),
});

export async function updateRoom(ctx: ChatContext, roomId: string, input: unknown): Promise<RoomRow> {
  const viewerId = ctx.auth.userId();
  const changes = validate(updateInput, input);
  if (changes.name === undefined && changes.description === undefined) {
    throw new UserInputError('input: give a name or a description to change.', 'input');
  }
  const room = await ctx.db.transaction(async (tx) => {
    const access = await lockRoom(tx, roomId, viewerId);
    if (!access) throw new NotFoundError('Room');
    assertMember(access);
    assertNotDirect(access, 'rename it');
    assertOwner(access);
    return updateRoomRow(tx, roomId, {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
    });
  });
  refreshLoaders(ctx.loaders);
  return room;
}
