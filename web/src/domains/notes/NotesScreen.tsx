import { useDeferredValue, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, NavLink, Route, Routes, useParams } from 'react-router';
import { WebCreateNoteDocument, WebDeleteNoteDocument, WebNotesDocument, WebPinNoteDocument, WebUnpinNoteDocument } from '../../graphql/graphql';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { formatDateTime } from '../../ui/format';
import { Notebooks } from './Notebooks';
import { NoteEditor } from './NoteEditor';

/** Notes: search and pin, notebooks, and a note's page (live co-editing, revisions, share links). */
export default function NotesScreen() {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Notes</h1>
      <nav aria-label="Note pages" className="tabs">
        <NavLink to="/notes" end>
          All notes
        </NavLink>
        <NavLink to="/notes/notebooks">Notebooks</NavLink>
      </nav>
      <Routes>
        <Route index element={<AllNotes />} />
        <Route path="notebooks/*" element={<Notebooks />} />
        <Route path="note/:noteId" element={<NoteRoute />} />
      </Routes>
    </section>
  );
}

function NoteRoute() {
  const { noteId } = useParams();
  return noteId ? <NoteEditor key={noteId} noteId={noteId} /> : null;
}

function AllNotes() {
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const { data, loading, error, refetch } = useQuery(WebNotesDocument, { variables: { search: deferred || null } });
  const [pin] = useMutation(WebPinNoteDocument);
  const [unpin] = useMutation(WebUnpinNoteDocument);
  const [remove] = useMutation(WebDeleteNoteDocument);
  const edges = data?.me?.notes?.edges ?? [];
  const id = useId();
  return (
    <>
      <NewNote onCreated={() => void refetch()} />
      <label htmlFor={`${id}-search`}>Search notes</label>
      <input id={`${id}-search`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Full-text search" />
      {loading && <Loading label="Searching…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && edges.length === 0 && <Empty>{deferred ? `No note matches "${deferred}".` : 'No notes yet.'}</Empty>}
      <ul className="cards" aria-label="Notes">
        {edges.map(({ node, highlight }) => (
          <li key={node.id} className="card">
            <h2>
              {node.pinned && <span aria-label="Pinned">📌 </span>}
              <Link to={`/notes/note/${node.id}`}>{node.title || 'Untitled'}</Link>
            </h2>
            <p>{highlight ? highlighted(highlight.text, highlight.matches) : node.body.slice(0, 240)}</p>
            <p className="meta">
              {node.tags.map((tag) => `#${tag}`).join(' ')} · {formatDateTime(node.updatedAt)}
            </p>
            <button type="button" onClick={() => void (node.pinned ? unpin : pin)({ variables: { id: node.id } }).then(() => refetch())}>
              {node.pinned ? 'Unpin' : 'Pin'}
            </button>{' '}
            <button type="button" aria-label={`Delete note ${node.title}`} onClick={() => void remove({ variables: { id: node.id } }).then(() => refetch())}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function highlighted(text: string, matches: readonly { start: number; length: number }[]): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { start, length } of matches) {
    parts.push(text.slice(at, start), <mark key={start}>{text.slice(start, start + length)}</mark>);
    at = start + length;
  }
  parts.push(text.slice(at));
  return parts;
}

function NewNote({ onCreated }: { onCreated: () => void }) {
  const [create, { loading, error }] = useMutation(WebCreateNoteDocument);
  const id = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const tags = String(values.get('tags') ?? '').split(/[\s,]+/).filter(Boolean);
    void create({ variables: { input: { title: String(values.get('title')), body: String(values.get('body')), tags } } })
      .then(() => {
        form.reset();
        onCreated();
      })
      .catch(() => undefined);
  };
  return (
    <details className="new-note">
      <summary>New note</summary>
      <form onSubmit={onSubmit} aria-label="New note">
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} name="title" maxLength={200} />
        <label htmlFor={`${id}-body`}>Text</label>
        <textarea id={`${id}-body`} name="body" rows={4} />
        <label htmlFor={`${id}-tags`}>Tags</label>
        <input id={`${id}-tags`} name="tags" placeholder="work, ideas" />
        <button type="submit" disabled={loading}>
          {loading ? 'Saving…' : 'Save note'}
        </button>
        {error && <ErrorNotice error={error} />}
      </form>
    </details>
  );
}
