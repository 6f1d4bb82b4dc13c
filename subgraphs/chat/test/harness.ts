import { isNull } from 'drizzle-orm';
import { createMemoryCacheStores, createMemoryPubSub, decodeId, eventTables, type CacheStores, type PubSub, type QueryObserver } from '@mosaic/kit';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest, testLogger, type TestAuth, type TestDatabase } from '@mosaic/testing';
import chat, { type BuiltChat } from '../src/index';

/**
 * The chat subgraph over real HTTP and graphql-ws on a fresh database, with real access tokens and
 * a movable clock. Link previews are off unless `env` turns them on. `onQuery` sees every SQL statement the subgraph issues (statement counting);
 * `pubsub` and `caches` (presence leases) default to in-memory ones.
 */
export async function startChat(options: { onQuery?: QueryObserver; pubsub?: PubSub; caches?: CacheStores; database?: TestDatabase; auth?: TestAuth; env?: NodeJS.ProcessEnv } = {}) {
  const database = options.database ?? (await createTestDatabase());
  const auth = options.auth ?? (await createTestAuth());
  const clock = { offsetMs: 0 };
  const pubsub = countingListeners(options.pubsub ?? createMemoryPubSub());
  const served = await serveModuleForTest(chat, {
    db: database.db(options.onQuery),
    verifier: auth.verifier,
    log: testLogger,
    pubsub,
    caches: options.caches ?? createMemoryCacheStores(),
    now: () => new Date(Date.now() + clock.offsetMs),
    client: database.client,
  }, { CHAT_LINK_PREVIEWS: 'off', ...options.env });
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  return {
    url: served.url,
    wsUrl: served.url.replace('http', 'ws'),
    database,
    auth,
    clock,
    call,
    /** The link preview queue (`settled()` resolves once nothing is being fetched). */
    previews: (served.built as BuiltChat).previews,
    /** Presence of this replica (`sweep()` after moving the clock). */
    presence: (served.built as BuiltChat).presence,
    /**
     * Until every committed message event has been relayed to the live streams: a stream opened
     * after this sees none of them (the relay runs asynchronously after each commit).
     */
    relayed: async () => {
      const { outbox } = eventTables('chat');
      for (let waited = 0; (await database.db().select({ seq: outbox.seq }).from(outbox).where(isNull(outbox.publishedAt)).limit(1)).length > 0; waited += 20) {
        if (waited > 10_000) throw new Error('The chat outbox was not relayed within 10 s.');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    /** Live subscriptions this server holds on a room's topic; events published before one is live are not seen. */
    listeners: (roomId: string, stream: RoomStream = 'messages') => pubsub.listeners.get(topicOf(roomId, stream)) ?? 0,
    /** Live subscriptions this server holds on a user's mentions topic (public user id). */
    mentionListeners: (userId: string) => pubsub.listeners.get(`chat.user.${decodeId('User', userId)}.mentions`) ?? 0,
    /** Stops the server; the database is dropped only when this app created it. */
    async close() {
      await served.close();
      if (!options.database) await database.drop();
    },
  };
}

export type ChatApp = Awaited<ReturnType<typeof startChat>>;

export type RoomStream = 'messages' | 'typing' | 'presence' | 'receipts';

/** The pub/sub topic of a room's stream (internal: raw ids). */
export const topicOf = (roomId: string, stream: RoomStream) => `chat.room.${decodeId('Room', roomId)}.${stream}`;

/** The real pub/sub, counting live listeners per topic so tests publish only once a subscription is open. */
export function countingListeners(pubsub: PubSub): PubSub & { listeners: Map<string, number> } {
  const listeners = new Map<string, number>();
  const change = (topic: string, by: number) => listeners.set(topic, (listeners.get(topic) ?? 0) + by);
  return {
    listeners,
    publish: (topic, payload) => pubsub.publish(topic, payload),
    async subscribe(topic, listener) {
      const unsubscribe = await pubsub.subscribe(topic, listener);
      change(topic, 1);
      return async () => {
        change(topic, -1);
        await unsubscribe();
      };
    },
    close: () => pubsub.close(),
  };
}

export const ROOM_FIELDS = 'id name description visibility createdAt lastActivityAt memberCount viewerRole unreadCount';
export const MESSAGE_FIELDS = 'id text createdAt editedAt deletedAt author { id } room { id } replyTo { id text deletedAt } reactions { emoji count reactedByViewer }';

export const CREATE_ROOM = `mutation($input: CreateRoomInput!) { createRoom(input: $input) { ${ROOM_FIELDS} } }`;
export const ROOM = `query($id: ID!) { room(id: $id) { ${ROOM_FIELDS} } }`;
export const JOIN = `mutation($roomId: ID!) { joinRoom(roomId: $roomId) { ${ROOM_FIELDS} } }`;
export const LEAVE = `mutation($roomId: ID!) { leaveRoom(roomId: $roomId) { roomId roomDeleted } }`;
export const INVITE = `mutation($roomId: ID!, $userId: ID!) { inviteToRoom(roomId: $roomId, userId: $userId) { room { id name } user { id } invitedBy { id } createdAt } }`;
export const REMOVE_MEMBER = `mutation($roomId: ID!, $userId: ID!) { removeRoomMember(roomId: $roomId, userId: $userId) { id memberCount } }`;
export const SET_ROLE = `mutation($roomId: ID!, $userId: ID!, $role: RoomRole!) { setRoomMemberRole(roomId: $roomId, userId: $userId, role: $role) { user { id } role } }`;
export const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { ${MESSAGE_FIELDS} } }`;
export const EDIT = `mutation($id: ID!, $text: String!) { editMessage(id: $id, text: $text) { ${MESSAGE_FIELDS} } }`;
export const DELETE = `mutation($id: ID!) { deleteMessage(id: $id) { ${MESSAGE_FIELDS} } }`;
export const REACT = `mutation($id: ID!, $emoji: String!) { addMessageReaction(messageId: $id, emoji: $emoji) { ${MESSAGE_FIELDS} } }`;
export const UNREACT = `mutation($id: ID!, $emoji: String!) { removeMessageReaction(messageId: $id, emoji: $emoji) { ${MESSAGE_FIELDS} } }`;
export const MARK_READ = `mutation($roomId: ID!, $upTo: ID) { markRoomRead(roomId: $roomId, upToMessageId: $upTo) { id unreadCount } }`;
export const SET_TYPING = `mutation($roomId: ID!, $isTyping: Boolean!) { setTyping(roomId: $roomId, isTyping: $isTyping) { roomId user { id } isTyping expiresAt } }`;
export const HISTORY = `query($id: ID!, $first: Int, $after: String) {
  room(id: $id) { messages(first: $first, after: $after) { edges { cursor node { ${MESSAGE_FIELDS} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }
}`;
export const MEMBERS = `query($id: ID!, $first: Int, $after: String) {
  room(id: $id) { members(first: $first, after: $after) { edges { cursor node { user { id } role joinedAt } } pageInfo { hasNextPage endCursor } } }
}`;

export const MESSAGE_EVENTS = `subscription($roomId: ID!) {
  messageEvents(roomId: $roomId) {
    __typename
    ... on MessageAdded { message { id text author { __typename id } replyTo { id } createdAt } }
    ... on MessageEdited { message { id text editedAt } }
    ... on MessageDeleted { messageId roomId }
    ... on MessageReactionsChanged { message { id reactions { emoji count } } }
  }
}`;
export const SET_PRESENCE = `mutation($status: PresenceStatus!, $clientId: String) { setPresence(status: $status, clientId: $clientId) { status expiresAt } }`;
export const PRESENCE_CHANGED = `subscription($roomId: ID!) { presenceChanged(roomId: $roomId) { roomId user { id } status changedAt } }`;
/** Users' presence as the gateway asks for it (entities of accounts' User). */
export const PRESENCE = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id presence } } }`;
export const LIVE_MENTIONS = `subscription { chatMentions { id text author { id } room { id } mentions { id } } }`;
export const TYPING = `subscription($roomId: ID!) { typing(roomId: $roomId) { roomId user { __typename id } isTyping expiresAt } }`;

export interface RoomView {
  id: string;
  name: string;
  description: string | null;
  visibility: 'PUBLIC' | 'PRIVATE';
  createdAt: string;
  lastActivityAt: string;
  memberCount: number;
  viewerRole: 'OWNER' | 'MEMBER' | null;
  unreadCount: number;
}

export interface MessageView {
  id: string;
  text: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  author: { id: string };
  room: { id: string };
  replyTo: { id: string; text: string; deletedAt: string | null } | null;
  reactions: { emoji: string; count: number; reactedByViewer: boolean }[];
}

/** Fails the test with the errors when a call that should succeed did not. */
export function dataOf<T>(result: { data?: Record<string, any> | null; errors?: unknown }, field: string): T {
  if (result.errors) throw new Error(`${field}: ${JSON.stringify(result.errors)}`);
  return result.data![field] as T;
}

/** A signed-in user with helpers bound to their token. */
export async function newChatter(app: ChatApp, roles = ['user']) {
  const user = await app.auth.newUser(roles);
  const call = (query: string, variables: Record<string, unknown> = {}) => app.call(query, variables, user.token);
  return {
    ...user,
    call,
    async createRoom(input: Record<string, unknown> = {}): Promise<RoomView> {
      return dataOf<RoomView>(await call(CREATE_ROOM, { input: { name: 'General', ...input } }), 'createRoom');
    },
    async join(roomId: string): Promise<RoomView> {
      return dataOf<RoomView>(await call(JOIN, { roomId }), 'joinRoom');
    },
    async invite(roomId: string, userId: string) {
      return dataOf<Record<string, any>>(await call(INVITE, { roomId, userId }), 'inviteToRoom');
    },
    async send(roomId: string, text: string, replyToId?: string): Promise<MessageView> {
      return dataOf<MessageView>(await call(SEND, { input: { roomId, text, replyToId } }), 'sendMessage');
    },
    async room(id: string): Promise<RoomView> {
      return dataOf<RoomView>(await call(ROOM, { id }), 'room');
    },
    async history(id: string, variables: { first?: number; after?: string | null } = {}) {
      const room = dataOf<{ messages: { edges: { cursor: string; node: MessageView }[]; pageInfo: Record<string, any> } }>(await call(HISTORY, { id, ...variables }), 'room');
      return room.messages;
    },
  };
}

export type Chatter = Awaited<ReturnType<typeof newChatter>>;

/** Polls until `check` passes (live events arrive asynchronously). */
export const settle = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));
