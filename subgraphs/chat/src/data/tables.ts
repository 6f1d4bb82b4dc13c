import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgSchema, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

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
    /**
     * Set on a reply in a thread: the thread's first message (same room, itself not in a thread).
     * Such replies are not part of the room's main timeline (history, unread count).
     */
    threadRootId: uuid('thread_root_id'),
    createdAt: instant('created_at').notNull(),
    editedAt: instant('edited_at'),
    /** Soft delete: the row stays so history and replies keep their place. */
    deletedAt: instant('deleted_at'),
  },
  (t) => [
    // History pages: a keyset range scan per room, newest first.
    index('messages_room_id_idx').on(t.roomId, t.id),
    // A thread's replies in order.
    index('messages_thread_idx').on(t.threadRootId, t.id),
    // Full-text search (`chatSearch`); the 'simple' configuration: chat is in any language, so words are not stemmed.
    index('messages_search_idx').using('gin', sql`to_tsvector('simple', ${t.text})`),
    foreignKey({ columns: [t.replyToId], foreignColumns: [t.id], name: 'messages_reply_to_fk' }).onDelete('set null'),
    foreignKey({ columns: [t.threadRootId], foreignColumns: [t.id], name: 'messages_thread_root_fk' }).onDelete('cascade'),
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

/**
 * A thread: a message with replies. Written under the room's lock with each reply, so
 * `lastReplyId` is the newest reply (ids grow in commit order) and thread lists page on it.
 */
export const threads = chatSchema.table(
  'threads',
  {
    rootMessageId: uuid('root_message_id')
      .primaryKey()
      .references((): AnyPgColumn => messages.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    /** Every reply, deleted ones too (they keep their place in the thread). */
    replyCount: integer('reply_count').notNull(),
    lastReplyId: uuid('last_reply_id').notNull(),
    lastReplyAt: instant('last_reply_at').notNull(),
  },
  (t) => [index('threads_room_last_reply_idx').on(t.roomId, t.lastReplyId)],
);

/**
 * Who follows a thread, with their read marker in it. The root's author and everyone who replies
 * follow it automatically; anyone may follow or unfollow. The root message need not have replies yet.
 */
export const threadFollowers = chatSchema.table(
  'thread_followers',
  {
    rootMessageId: uuid('root_message_id')
      .notNull()
      .references((): AnyPgColumn => messages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    /** Replies with a larger id are unread. Null: none read. Only moves forward. */
    lastReadMessageId: uuid('last_read_message_id'),
  },
  (t) => [primaryKey({ columns: [t.rootMessageId, t.userId] }), index('thread_followers_user_idx').on(t.userId, t.rootMessageId)],
);

/**
 * Who a message mentions (`<@user id>` in its text), members of its room when it was written or
 * last edited only: a mention of someone outside the room stays text and notifies nobody.
 */
export const mentions = chatSchema.table(
  'mentions',
  {
    messageId: uuid('message_id')
      .notNull()
      .references((): AnyPgColumn => messages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
  },
  // The mentions feed: a user's mentions, newest message first.
  (t) => [primaryKey({ columns: [t.messageId, t.userId] }), index('mentions_user_message_idx').on(t.userId, t.messageId)],
);

/**
 * The preview of the first link in a message, fetched after it was sent (or edited to another
 * link). Absent while not fetched, or when the page gave nothing to show.
 */
export const linkPreviews = chatSchema.table('link_previews', {
  messageId: uuid('message_id')
    .primaryKey()
    .references((): AnyPgColumn => messages.id, { onDelete: 'cascade' }),
  url: text('url').notNull(),
  title: text('title'),
  description: text('description'),
  siteName: text('site_name'),
  imageUrl: text('image_url'),
  fetchedAt: instant('fetched_at').notNull(),
});

export type RoomRow = typeof rooms.$inferSelect;
export type NewRoom = typeof rooms.$inferInsert;
export type MemberRow = typeof members.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
export type ReactionRow = typeof reactions.$inferSelect;
export type ThreadRow = typeof threads.$inferSelect;
export type LinkPreviewRow = typeof linkPreviews.$inferSelect;
export type ThreadFollowerRow = typeof threadFollowers.$inferSelect;
