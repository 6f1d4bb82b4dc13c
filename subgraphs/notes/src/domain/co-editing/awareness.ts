import * as Y from 'yjs';
import { z } from 'zod';
import { validate } from '@mosaic/kit';
import type { Context } from '../../context';
import { requireAccess } from './co-editing';
import { awarenessTopic, type AwarenessLeft, type AwarenessMessage, type AwarenessPresent } from './awareness-topic';

/** A relative position is a few varints: far below this. */
const MAX_POSITION_BYTES = 256;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** base64 of `Y.encodeRelativePosition(…)`, and nothing else: it must decode and encode back to the same bytes. */
const relativePosition = z.string().refine((value) => isRelativePosition(value), {
  message: 'must be the base64 of Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(doc.getText("body"), index))',
});

function isRelativePosition(value: string): boolean {
  if (value.length === 0 || value.length % 4 !== 0 || !BASE64.test(value)) return false;
  const bytes = new Uint8Array(Buffer.from(value, 'base64'));
  if (bytes.byteLength > MAX_POSITION_BYTES) return false;
  try {
    return Buffer.from(Y.encodeRelativePosition(Y.decodeRelativePosition(bytes))).equals(Buffer.from(bytes));
  } catch {
    return false;
  }
}

export const sessionSchema = z.string().regex(/^[\x21-\x7e]{1,64}$/, 'must be 1 to 64 printable ASCII characters (e.g. String(doc.clientID))');

const awarenessInput = z.object({
  session: sessionSchema,
  name: z
    .string()
    .transform((name) => name.trim())
    .refine((name) => name.length >= 1 && [...name].length <= 80, 'must be 1 to 80 characters')
    .refine((name) => !/\p{Cc}/u.test(name), 'must be a single line without control characters'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb'),
  cursor: z.object({ anchor: relativePosition, head: relativePosition }).nullish(),
});

export interface NoteAwarenessInput {
  session: string;
  name: string;
  color: string;
  cursor?: { anchor: string; head: string } | null | undefined;
}

type AwarenessContext = Pick<Context, 'auth' | 'loaders' | 'now' | 'pubsub' | 'settings'>;

/**
 * `publishNoteAwareness`: the owner's or an editor's cursor, sent to the note's awareness
 * subscribers on every replica and stored nowhere. The user is the token's, never the client's.
 */
export async function publishNoteAwareness(ctx: AwarenessContext, noteId: string, input: NoteAwarenessInput): Promise<AwarenessPresent> {
  const userId = ctx.auth.require('notes:write').userId;
  await requireAccess(ctx, noteId, 'edit');
  const valid = validate(awarenessInput, input);
  const state: AwarenessPresent = {
    kind: 'PRESENT',
    noteId,
    userId,
    session: valid.session,
    name: valid.name,
    color: valid.color.toLowerCase(),
    cursor: valid.cursor ?? null,
    expiresAt: new Date(ctx.now().getTime() + ctx.settings.awarenessTimeoutMs).toISOString(),
  };
  await sendAwareness(ctx, state);
  return state;
}

/** Someone stopped being an editor of the note (unshared, made a reader): their cursors go for everyone. */
export async function announceLeft(ctx: Pick<Context, 'pubsub'>, noteId: string, userId: string, session: string | null): Promise<void> {
  const left: AwarenessLeft = { kind: 'LEFT', noteId, userId, session };
  await sendAwareness(ctx, left);
}

export async function sendAwareness(ctx: Pick<Context, 'pubsub'>, message: AwarenessMessage): Promise<void> {
  await ctx.pubsub.publish(awarenessTopic(message.noteId), message);
}
