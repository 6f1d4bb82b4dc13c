import { useId, useLayoutEffect, useRef } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import * as Y from 'yjs';
import { WebCreateNoteShareLinkDocument, WebNoteDocument, WebRestoreNoteRevisionDocument, WebRevokeNoteShareLinkDocument } from '../../graphql/graphql';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { formatDateTime } from '../../ui/format';
import { useCoEditing } from './co-editing';

/** A note: its body co-edited live, its revisions (restore one), and public share links. */
export function NoteEditor({ noteId }: { noteId: string }) {
  const { data, loading, error, refetch } = useQuery(WebNoteDocument, { variables: { id: noteId } });
  if (loading && !data) return <Loading label="Loading the note…" />;
  if (error) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const note = data?.note;
  if (!note) return <ErrorNotice error="This note does not exist or is not shared with you." />;
  return (
    <article aria-labelledby={`note-${note.id}`}>
      <h2 id={`note-${note.id}`}>{note.title || 'Untitled'}</h2>
      <p className="meta">
        {note.notebook ? `In ${note.notebook.name} · ` : ''}
        {note.viewerAccess === 'OWNER' ? 'Your note' : note.viewerAccess === 'EDITOR' ? 'Shared with you to co-edit' : 'Shared with you to read'}
      </p>
      <BodyEditor noteId={note.id} readOnly={note.viewerAccess === 'VIEWER'} />
      {note.revisions && <Revisions revisions={note.revisions} canRestore={note.viewerAccess === 'OWNER'} onRestored={() => void refetch()} />}
      {note.shareLinks && <ShareLinks noteId={note.id} links={note.shareLinks} onChanged={() => void refetch()} />}
    </article>
  );
}

function BodyEditor({ noteId, readOnly }: { noteId: string; readOnly: boolean }) {
  const { body, ready, error, edit, text } = useCoEditing(noteId);
  const ref = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<{ start: Y.RelativePosition; end: Y.RelativePosition } | null>(null);
  const id = useId();
  // Others' edits replace the value: the caret stays next to the same characters (Yjs relative positions).
  useLayoutEffect(() => {
    const area = ref.current;
    const saved = caret.current;
    if (!area || !saved || document.activeElement !== area || !text.doc) return;
    const start = Y.createAbsolutePositionFromRelativePosition(saved.start, text.doc)?.index;
    const end = Y.createAbsolutePositionFromRelativePosition(saved.end, text.doc)?.index;
    if (start !== undefined && end !== undefined) area.setSelectionRange(start, end);
  }, [body, text]);
  const remember = () => {
    const area = ref.current;
    if (area) caret.current = { start: Y.createRelativePositionFromTypeIndex(text, area.selectionStart), end: Y.createRelativePositionFromTypeIndex(text, area.selectionEnd) };
  };
  return (
    <div>
      <label htmlFor={`${id}-body`}>Text{readOnly ? ' (read only)' : ' (co-edited live)'}</label>
      {!ready && !error && <Loading label="Connecting to the document…" />}
      <textarea
        id={`${id}-body`}
        ref={ref}
        className="editor"
        value={body}
        readOnly={readOnly || !ready}
        onChange={(event) => {
          edit(event.target.value);
          remember();
        }}
        onSelect={remember}
        onKeyUp={remember}
      />
      {error && <ErrorNotice error={error} />}
    </div>
  );
}

type Revision = { id: string; title: string; body: string; savedAt: string; author: { displayName: string } };

function Revisions({ revisions, canRestore, onRestored }: { revisions: readonly Revision[]; canRestore: boolean; onRestored: () => void }) {
  const [restore, { loading, error }] = useMutation(WebRestoreNoteRevisionDocument);
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Revisions</h3>
      {revisions.length === 0 && <Empty>No earlier revisions.</Empty>}
      <ol className="post-list" aria-label="Revisions">
        {revisions.map((revision) => (
          <li key={revision.id} className="card">
            <p className="meta">
              <time dateTime={revision.savedAt}>{formatDateTime(revision.savedAt)}</time> by {revision.author.displayName}
            </p>
            <details>
              <summary>What it said</summary>
              <pre className="mono">{revision.body}</pre>
            </details>
            {canRestore && (
              <button type="button" disabled={loading} aria-label={`Restore the revision of ${formatDateTime(revision.savedAt)}`} onClick={() => void restore({ variables: { revisionId: revision.id } }).then(onRestored, () => undefined)}>
                Restore
              </button>
            )}
          </li>
        ))}
      </ol>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

type ShareLink = { id: string; createdAt: string; expiresAt?: string | null; active: boolean };

function ShareLinks({ noteId, links, onChanged }: { noteId: string; links: readonly ShareLink[]; onChanged: () => void }) {
  const [create, created] = useMutation(WebCreateNoteShareLinkDocument);
  const [revoke, revoking] = useMutation(WebRevokeNoteShareLinkDocument);
  const id = useId();
  const url = created.data?.createNoteShareLink?.url;
  // The link just made is listed at once (from the mutation's answer), before the note is read again.
  const made = created.data?.createNoteShareLink?.link;
  const listed = made && !links.some((link) => link.id === made.id) ? [made, ...links] : links;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Share links</h3>
      <button type="button" disabled={created.loading} onClick={() => void create({ variables: { noteId, expiresInSeconds: 7 * 86_400 } }).then(onChanged, () => undefined)}>
        Create a read-only link (7 days)
      </button>
      {url && (
        <p role="status">
          Anyone with this link can read the note (shown only now):{' '}
          <a href={url} data-testid="note-share-url">
            {url}
          </a>
        </p>
      )}
      <ul aria-label="Share links of this note">
        {listed.map((link) => (
          <li key={link.id}>
            Made {formatDateTime(link.createdAt)}
            {link.expiresAt ? `, until ${formatDateTime(link.expiresAt)}` : ''} — {link.active ? 'active' : 'revoked or expired'}
            {link.active && (
              <>
                {' '}
                <button type="button" onClick={() => void revoke({ variables: { id: link.id } }).then(onChanged, () => undefined)} aria-label={`Revoke the link made ${formatDateTime(link.createdAt)}`}>
                  Revoke
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {(created.error ?? revoking.error) && <ErrorNotice error={(created.error ?? revoking.error)!} />}
    </section>
  );
}
