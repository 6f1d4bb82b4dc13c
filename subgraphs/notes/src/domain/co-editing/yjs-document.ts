import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { UserInputError } from '@mosaic/kit';
import type { StoredDocument } from '../../data/crdt-repo';

/** The shared type holding the note's body; clients bind their editor to `doc.getText('body')`. */
export const BODY_TEXT = 'body';
/** A decoded update above this is refused: far more than a 100,000-character body needs. */
export const MAX_UPDATE_BYTES = 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** base64 → bytes, or BAD_USER_INPUT naming the argument. */
export function decodeBase64(value: string, field: string, maxBytes = MAX_UPDATE_BYTES): Uint8Array {
  if (value.length % 4 !== 0 || !BASE64.test(value)) throw new UserInputError(`${field}: expected standard base64 (A–Z, a–z, 0–9, +, /, padded with =).`, field);
  const bytes = Buffer.from(value, 'base64');
  if (bytes.byteLength > maxBytes) throw new UserInputError(`${field}: at most ${maxBytes} bytes once decoded; send smaller updates.`, field);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export const encodeBase64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/**
 * The document from its stored parts: the compacted state and the updates since, in order. A note
 * never co-edited has no state: its document is its body, written by a client id derived from the
 * note id, so every replica and every reader builds exactly the same items (same ids, same text)
 * and they merge as one, not as two copies of the text. Every body change stores the state first
 * (`initialState`), so the body such a document starts from never differs between two builds.
 */
export function documentOf(noteId: string, stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  Y.transact(doc, () => {
    if (stored.state) Y.applyUpdate(doc, stored.state);
    else Y.applyUpdate(doc, initialState(noteId, stored.body));
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/** The state of a note's document before anyone co-edited it: its body, by the note's own client id. */
export function initialState(noteId: string, body: string): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  doc.clientID = createHash('sha256').update(`note:${noteId}`).digest().readUInt32BE(0);
  if (body) doc.getText(BODY_TEXT).insert(0, body);
  return Y.encodeStateAsUpdate(doc);
}

export const textOf = (doc: Y.Doc): string => doc.getText(BODY_TEXT).toString();

/** Applies a client's update; bytes that are no Yjs update are BAD_USER_INPUT (the caller's transaction then writes nothing). */
export function applyClientUpdate(doc: Y.Doc, update: Uint8Array, field: string): void {
  try {
    Y.applyUpdate(doc, update);
  } catch {
    throw new UserInputError(`${field}: not a Yjs update (send Y.encodeStateAsUpdate(doc) or the bytes of a doc "update" event, in base64).`, field);
  }
}

/** What `stateVector` (base64, validated) lacks of `doc`. */
export function missingFor(doc: Y.Doc, stateVector: string | null | undefined, field: string): Uint8Array {
  if (!stateVector) return Y.encodeStateAsUpdate(doc);
  const vector = decodeBase64(stateVector, field);
  try {
    return Y.encodeStateAsUpdate(doc, vector);
  } catch {
    throw new UserInputError(`${field}: not a Yjs state vector (send Y.encodeStateVector(doc) in base64).`, field);
  }
}

/**
 * Turns `doc`'s text into `next` with the smallest single edit (common prefix and suffix kept),
 * so concurrent co-editors' changes elsewhere in the text survive a plain `updateNote`. Returns the
 * update to store and broadcast, or null when the text is already `next`.
 */
export function replaceText(doc: Y.Doc, next: string): Uint8Array | null {
  const text = doc.getText(BODY_TEXT);
  const current = text.toString();
  if (current === next) return null;
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let end = 0;
  while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
  // Never cut between the halves of a surrogate pair (an emoji).
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isHighSurrogate(current.charCodeAt(current.length - end - 1))) end--;
  const before = Y.encodeStateVector(doc);
  Y.transact(doc, () => {
    text.delete(start, current.length - start - end);
    text.insert(start, next.slice(start, next.length - end));
  });
  return Y.encodeStateAsUpdate(doc, before);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
