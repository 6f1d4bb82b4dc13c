/** What travels over pub/sub about co-editors' presence (JSON, like through Redis). Raw ids; never stored. */
export interface AwarenessCursor {
  /** base64 Yjs relative positions. */
  anchor: string;
  head: string;
}

export interface AwarenessPresent {
  kind: 'PRESENT';
  noteId: string;
  userId: string;
  session: string;
  name: string;
  color: string;
  cursor: AwarenessCursor | null;
  /** ISO-8601. */
  expiresAt: string;
}

export interface AwarenessLeft {
  kind: 'LEFT';
  noteId: string;
  userId: string;
  /** null: every session of the user. */
  session: string | null;
}

/** A stream's own first event (never published): it is live. */
export interface AwarenessLive {
  kind: 'LIVE';
  noteId: string;
  userId: string;
  session: string | null;
}

export type AwarenessEvent = AwarenessPresent | AwarenessLeft | AwarenessLive;

/** A stream that just opened asks everyone present to announce themselves again (not delivered to clients). */
export interface AwarenessHello {
  kind: 'HELLO';
  noteId: string;
  /** The asking stream, which does not answer itself. */
  streamId: string;
}

export type AwarenessMessage = AwarenessPresent | AwarenessLeft | AwarenessHello;

export const awarenessTopic = (noteId: string) => `notes:awareness:${noteId}`;
