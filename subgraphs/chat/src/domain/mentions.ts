import { decodeId, pageSize, toConnection, type Connection, type PageArgs, type UserReference, userReference } from '@mosaic/kit';
import type { Context } from '../context';
import { findMentionsFeed, membersAmong, replaceMentions } from '../data/mentions-repo';
import type { MessageRow } from '../data/tables';
import { decodeMentionCursor, mentionCursorKey } from './cursors';

/**
 * Mentions are written `<@USER_ID>` with the public User id, as Slack's wire format does: chat
 * does not know people's names (accounts does), so clients insert the id when someone picks a
 * person and render the name. A mention notifies someone only if they are a member of the room
 * when the message is sent (or edited): anyone else's stays plain text, is not stored and appears
 * in nobody's feed — so a mention cannot pull an outsider into a private room's content.
 */
const MENTION = /<@([A-Za-z0-9_-]{1,128})>/g;
/** More distinct mentions than this in one message are ignored (a message cannot page the whole room). */
export const MAX_MENTIONS = 50;

/** The raw user ids a text mentions, distinct, in order of appearance; malformed ids are just text. */
export function mentionedUserIds(text: string): string[] {
  const ids = new Set<string>();
  for (const [, id] of text.matchAll(MENTION)) {
    try {
      ids.add(decodeId('User', id!));
    } catch {
      // Not a User id: it stays text.
    }
    if (ids.size === MAX_MENTIONS) break;
  }
  return [...ids];
}

/**
 * In the transaction of a send or an edit: stores who the message mentions among the room's
 * members (the author aside); returns those newly mentioned.
 */
export async function recordMentions(tx: Context['db'], message: MessageRow): Promise<string[]> {
  const candidates = mentionedUserIds(message.text).filter((id) => id !== message.authorId);
  return replaceMentions(tx, message, await membersAmong(tx, message.roomId, candidates));
}

/** `Message.mentions`: members it mentioned, as references accounts resolves. */
export async function mentionsOf(ctx: Pick<Context, 'loaders'>, message: MessageRow): Promise<UserReference[]> {
  return (await ctx.loaders.mentions.load(message.id)).map((mention) => userReference(mention.userId));
}

/** `Query.chatMentions`: messages that mention the viewer, newest first, in rooms they are still in. */
export async function listMentions(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, args: PageArgs): Promise<Connection<MessageRow>> {
  const viewerId = ctx.auth.userId();
  const limit = pageSize(args.first);
  const rows = await findMentionsFeed(ctx.db, viewerId, limit, args.after ? decodeMentionCursor(args.after) : null);
  for (const message of rows) ctx.loaders.messageById.prime(message.id, message);
  return toConnection(rows, limit, mentionCursorKey, args.after);
}
