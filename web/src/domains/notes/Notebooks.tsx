import { useId, type FormEvent } from 'react';
import { Link, NavLink, Route, Routes, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { WebCreateNotebookDocument, WebNotebookNotesDocument, WebNotebooksDocument } from '../../graphql/graphql';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { formatDateTime } from '../../ui/format';

type NotebookRow = { id: string; name: string; parent?: { id: string } | null };

/** Notebooks as a tree (from `parent`), the notes filed in one, and making a notebook. */
export function Notebooks() {
  const { data, loading, error, refetch } = useQuery(WebNotebooksDocument);
  const notebooks = data?.notebooks ?? [];
  return (
    <div className="split">
      <nav aria-label="Notebooks" className="rooms">
        <h2>Notebooks</h2>
        {loading && !data && <Loading label="Loading notebooks…" />}
        {error && <ErrorNotice error={error} retry={() => void refetch()} />}
        {data && notebooks.length === 0 && <Empty>No notebooks yet.</Empty>}
        <NotebookTree notebooks={notebooks} parentId={null} />
        <NewNotebook notebooks={notebooks} onCreated={() => void refetch()} />
      </nav>
      <Routes>
        <Route path=":notebookId" element={<NotebookNotes notebooks={notebooks} />} />
        <Route path="*" element={<Empty>Choose a notebook.</Empty>} />
      </Routes>
    </div>
  );
}

function NotebookTree({ notebooks, parentId }: { notebooks: readonly NotebookRow[]; parentId: string | null }) {
  const children = notebooks.filter((notebook) => (notebook.parent?.id ?? null) === parentId);
  if (children.length === 0) return null;
  return (
    <ul>
      {children.map((notebook) => (
        <li key={notebook.id}>
          <NavLink to={`/notes/notebooks/${notebook.id}`}>{notebook.name}</NavLink>
          <NotebookTree notebooks={notebooks} parentId={notebook.id} />
        </li>
      ))}
    </ul>
  );
}

function NotebookNotes({ notebooks }: { notebooks: readonly NotebookRow[] }) {
  const { notebookId } = useParams();
  const { data, loading, error, refetch } = useQuery(WebNotebookNotesDocument, { variables: { notebookId: notebookId! } });
  const name = notebooks.find((notebook) => notebook.id === notebookId)?.name ?? 'Notebook';
  const notes = data?.me?.notes?.edges.map((edge) => edge.node) ?? [];
  return (
    <section aria-label={name}>
      <h2>{name}</h2>
      {loading && !data && <Loading label="Loading notes…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && notes.length === 0 && <Empty>No notes filed here.</Empty>}
      <ul aria-label={`Notes in ${name}`}>
        {notes.map((note) => (
          <li key={note.id}>
            <Link to={`/notes/note/${note.id}`}>{note.title || 'Untitled'}</Link> <span className="meta">· {formatDateTime(note.updatedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewNotebook({ notebooks, onCreated }: { notebooks: readonly NotebookRow[]; onCreated: () => void }) {
  const [create, { loading, error }] = useMutation(WebCreateNotebookDocument);
  const id = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const parentId = String(values.get('parent') ?? '');
    void create({ variables: { input: { name: String(values.get('name')), parentId: parentId || null } } }).then(() => {
      form.reset();
      onCreated();
    }, () => undefined);
  };
  return (
    <form className="stack-form" onSubmit={onSubmit} aria-label="New notebook">
      <label htmlFor={`${id}-name`}>New notebook</label>
      <input id={`${id}-name`} name="name" required maxLength={100} />
      <label htmlFor={`${id}-parent`}>Inside</label>
      <select id={`${id}-parent`} name="parent" defaultValue="">
        <option value="">Top level</option>
        {notebooks.map((notebook) => (
          <option key={notebook.id} value={notebook.id}>
            {notebook.name}
          </option>
        ))}
      </select>
      <button type="submit" disabled={loading}>
        Create notebook
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
