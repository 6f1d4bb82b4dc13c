import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgSchema, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Everything chat stores lives in its own PostgreSQL schema. No column defaults: the application
 * owns every value (ids are uuidv7 made by the application, instants come from its clock).
 * User ids are raw accounts ids, never foreign keys: users live in another subgraph.
 */
export const chatSchema = pgSchema('chat');

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const ROOM_VISIBILITIES = ['PUBLIC', 'PRIVATE'] as const;
export type RoomVisibility = (typeof ROOM_VISIBILITIES)[number];

export const ROOM_ROLES = ['OWNER', 'MEMBER'] as const;
export type RoomRole = (typeof ROOM_ROLES)[number];

export const rooms = chatSchema.table(
  'rooms',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** Null when the room has none (an empty description is stored as null). */
    description: text('description'),
    visibility: text('visibility').$type<RoomVisibility>().notNull(),
    createdById: uuid('created_by_id').notNull(),
    createdAt: instant('created_at').notNull(),
    /**
     * The newest message's id. Sending locks the room row, reads this, and gives the new message a
     * larger id, so within a room ids grow in commit order (what read markers and history rely on).
     */
    lastMessageId: uuid('last_message_id'),
    /** createdAt, then the time of the newest message: the order of room lists. */
    lastActivityAt: instant('last_activity_at').notNull(),
    /**
     * Direct conversations only: the participants' raw ids, sorted, joined by ','. Unique, so the
     * same set of people always finds the same conversation (null for ordinary rooms).
     */
    directKey: text('direct_key').unique('rooms_direct_key_unique'),
  },
  (t) => [
    check('rooms_visibility_check', sql`${t.visibility} in ('PUBLIC', 'PRIVATE')`),
    index('rooms_visibility_activity_idx').on(t.visibility, t.lastActivityAt, t.id),
  ],
);

export const members = chatSchema.table(
  'members',
  {
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    role: text('role').$type<RoomRole>().notNull(),
    joinedAt: instant('joined_at').notNull(),
    /** Read marker: messages with a larger id are unread. Null: nothing read yet. Only moves forward. */
    lastReadMessageId: uuid('last_read_message_id'),
  },
  (t) => [
    primaryKey({ columns: [t.roomId, t.userId] }),
    check('members_role_check', sql`${t.role} in ('OWNER', 'MEMBER')`),
    // "The viewer's rooms" and membership look-ups by user.
    index('members_user_idx').on(t.userId, t.roomId),
    // Member lists in join order.
    index('members_room_joined_idx').on(t.roomId, t.joinedAt, t.userId),
  ],
);

/** A pending invitation to a private room; joining consumes it. */
export const invitations = chatSchema.table(
  'invitations',
  {
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    invitedById: uuid('invited_by_id').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.userId] }), index('invitations_user_idx').on(t.userId, t.createdAt)],
);

export const messages = chatSchema.table(
  'messages',
  {
    /** uuidv7, strictly increasing within a room in commit order (see rooms.last_message_id). */
    id: uuid('id').primaryKey(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull(),
    /** Trimmed, 1 to 4000 characters; '' once deleted. */
    text: text('text').notNull(),
    /** A message of the same room (checked by the application when sending). */
    replyToId: uuid('reply_to_id'),
    createdAt: instant('created_at').notNull(),
    editedAt: instant('edited_at'),
    /** Soft delete: the row stays so history and replies keep their place. */
    deletedAt: instant('deleted_at'),
  },
  (t) => [
    // History pages: a keyset range scan per room, newest first.
    index('messages_room_id_idx').on(t.roomId, t.id),
    foreignKey({ columns: [t.replyToId], foreignColumns: [t.id], name: 'messages_reply_to_fk' }).onDelete('set null'),
  ],
);

export const reactions = chatSchema.table(
  'reactions',
  {
    messageId: uuid('message_id')
      .notNull()
      .references((): AnyPgColumn => messages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    emoji: text('emoji').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId, t.emoji] })],
);

export type RoomRow = typeof rooms.$inferSelect;
export type NewRoom = typeof rooms.$inferInsert;
export type MemberRow = typeof members.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
export type ReactionRow = typeof reactions.$inferSelect;
