import { useCallback, useEffect, useRef, useState } from 'react';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import * as Y from 'yjs';
import { WebApplyNoteUpdateDocument, WebNoteDocumentDocument, WebNoteUpdatesDocument } from '../../graphql/graphql';

export const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
export const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/** Marks this tab's own edits (a transaction origin), so only they are sent to the server. */
const LOCAL = Symbol('local edit');
const REMOTE = Symbol('remote update');

export interface CoEditing {
  /** The document's text (Y.Text "body"), as it is now here. */
  body: string;
  ready: boolean;
  error: string | null;
  /** The textarea's new value: its difference to the document becomes one local Yjs edit. */
  edit: (next: string) => void;
  /** The Y.Text, for keeping the caret where it was when others' edits arrive. */
  text: Y.Text;
}

/**
 * A note's body co-edited live with Yjs, as the notes subgraph keeps it: load the document
 * (`noteDocument`), subscribe from its state vector (`noteUpdates`: nothing between the two is
 * missed), apply others' updates, and send each local change as an update (`applyNoteUpdate`)
 * with this document's clientID as `origin`, so its echo is skipped.
 */
export function useCoEditing(noteId: string): CoEditing {
  const client = useApolloClient();
  const docRef = useRef<Y.Doc>(null);
  docRef.current ??= new Y.Doc();
  const doc = docRef.current;
  const text = doc.getText('body');
  const [body, setBody] = useState('');
  const [stateVector, setStateVector] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const origin = String(doc.clientID);

  useEffect(() => {
    const observe = () => setBody(text.toString());
    text.observe(observe);
    const send = (update: Uint8Array, from: unknown) => {
      if (from !== LOCAL) return;
      client.mutate({ mutation: WebApplyNoteUpdateDocument, variables: { noteId, update: toBase64(update), origin } }).then(
        () => setError(null),
        (failure: Error) => setError(`Your change was not saved: ${failure.message}`),
      );
    };
    doc.on('update', send);
    let cancelled = false;
    client.query({ query: WebNoteDocumentDocument, variables: { noteId, stateVector: null }, fetchPolicy: 'network-only' }).then(
      ({ data }) => {
        if (cancelled || !data?.noteDocument) return;
        Y.applyUpdate(doc, fromBase64(data.noteDocument.update), REMOTE);
        setBody(text.toString());
        setStateVector(data.noteDocument.stateVector);
      },
      (failure: Error) => !cancelled && setError(failure.message),
    );
    return () => {
      cancelled = true;
      text.unobserve(observe);
      doc.off('update', send);
    };
  }, [client, doc, text, noteId, origin]);

  useSubscription(WebNoteUpdatesDocument, {
    variables: { noteId, stateVector },
    skip: stateVector === null,
    onData: ({ data }) => {
      const update = data.data?.noteUpdates;
      if (!update || update.origin === origin) return;
      Y.applyUpdate(doc, fromBase64(update.update), REMOTE);
    },
    onError: (failure) => setError(`Live co-editing stopped: ${failure.message}`),
  });

  const edit = useCallback(
    (next: string) => {
      const before = text.toString();
      let start = 0;
      while (start < before.length && start < next.length && before[start] === next[start]) start++;
      let endBefore = before.length;
      let endNext = next.length;
      while (endBefore > start && endNext > start && before[endBefore - 1] === next[endNext - 1]) {
        endBefore--;
        endNext--;
      }
      doc.transact(() => {
        if (endBefore > start) text.delete(start, endBefore - start);
        if (endNext > start) text.insert(start, next.slice(start, endNext));
      }, LOCAL);
    },
    [doc, text],
  );

  return { body, ready: stateVector !== null, error, edit, text };
}
