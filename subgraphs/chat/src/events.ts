import { z } from 'zod';
import { defineEvents, event, type Outbox } from '@mosaic/kit';
import type { MessageRow } from './data/tables';

/**
 * The events chat publishes (exchange `mosaic.chat`), one aggregate per room: a room's events are
 * delivered in the order they were committed. Payloads carry raw ids (inside the platform).
 */
const uuid = z.string().uuid();
const instant = z.iso.datetime();
const message = z.object({
  id: uuid,
  roomId: uuid,
  authorId: uuid,
  text: z.string(),
  replyToId: uuid.nullable(),
  // Added later: events written before threads existed have none.
  threadRootId: uuid.nullable().default(null),
  createdAt: instant,
  editedAt: instant.nullable(),
  deletedAt: instant.nullable(),
});
export type MessageSnapshot = z.output<typeof message>;

const messageChanged = (version: number) => event({ version, schema: z.object({ roomId: uuid, message }), aggregateId: (p) => p.roomId });

export const chatEvents = defineEvents('chat', {
  'chat.message.added': messageChanged(1),
  'chat.message.edited': messageChanged(1),
  'chat.message.reactions-changed': messageChanged(1),
  'chat.message.preview-added': messageChanged(1),
  'chat.message.deleted': event({ version: 1, schema: z.object({ roomId: uuid, messageId: uuid }), aggregateId: (p) => p.roomId }),
  /** The message (sent, or edited) newly mentions these members: their live mentions stream. */
  'chat.message.mentioned': event({ version: 1, schema: z.object({ roomId: uuid, message, userIds: z.array(uuid).min(1) }), aggregateId: (p) => p.roomId }),
});

export type ChatOutbox = Outbox<typeof chatEvents>;

export const snapshotOf = (row: MessageRow): MessageSnapshot => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  editedAt: row.editedAt?.toISOString() ?? null,
  deletedAt: row.deletedAt?.toISOString() ?? null,
});
