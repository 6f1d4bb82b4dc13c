import { useId, type FormEvent } from 'react';
import { NavLink, Route, Routes, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { WebCreateSavedFilterDocument, WebProjectsDocument, WebSavedFilterTodosDocument, WebTodoViewDocument, type DueWindow, type TodoFilter } from '../../graphql/graphql';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { TodoItem } from './TodoItem';
import type { ProjectTodo } from './todo-format';

const DAY_MS = 86_400_000;
const startOfUtcDay = (offsetDays: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + offsetDays * DAY_MS).toISOString();
};

/** The built-in views, with the DueWindow semantics (whole UTC days) that saved views use. */
const BUILT_IN: { path: string; title: string; filter: () => TodoFilter }[] = [
  { path: 'today', title: 'Today', filter: () => ({ done: false, dueBefore: startOfUtcDay(1) }) },
  { path: 'overdue', title: 'Overdue', filter: () => ({ overdue: true }) },
  { path: 'next-7-days', title: 'Next 7 days', filter: () => ({ done: false, dueAfter: startOfUtcDay(0), dueBefore: startOfUtcDay(7) }) },
];

const WINDOWS: Record<DueWindow, string> = { TODAY: 'Today', OVERDUE: 'Overdue', NEXT_7_DAYS: 'Next 7 days', NO_DATE: 'No date' };

/** Today, overdue and the next seven days across your todos, and your saved views. */
export function Views() {
  const { data, refetch } = useQuery(WebProjectsDocument);
  const saved = data?.savedFilters ?? [];
  return (
    <div className="split">
      <nav aria-label="Views" className="rooms">
        <h2>Views</h2>
        <ul aria-label="Built-in views">
          {BUILT_IN.map((view) => (
            <li key={view.path}>
              <NavLink to={`/todos/views/${view.path}`}>{view.title}</NavLink>
            </li>
          ))}
        </ul>
        <h3>Saved views</h3>
        {saved.length === 0 && <Empty>None yet.</Empty>}
        <ul aria-label="Saved views">
          {saved.map((view) => (
            <li key={view.id}>
              <NavLink to={`/todos/views/saved/${view.id}`}>{view.name}</NavLink>
            </li>
          ))}
        </ul>
        <NewSavedView onCreated={() => void refetch()} />
      </nav>
      <Routes>
        {BUILT_IN.map((view) => (
          <Route key={view.path} path={view.path} element={<BuiltInView title={view.title} filter={view.filter} />} />
        ))}
        <Route path="saved/:filterId" element={<SavedView />} />
        <Route path="*" element={<BuiltInView title="Today" filter={BUILT_IN[0]!.filter} />} />
      </Routes>
    </div>
  );
}

function BuiltInView({ title, filter }: { title: string; filter: () => TodoFilter }) {
  const { data, loading, error, refetch } = useQuery(WebTodoViewDocument, { variables: { filter: filter() }, fetchPolicy: 'network-only' });
  const todos = data?.me?.todos?.edges.map((edge) => edge.node) ?? [];
  return <ViewList title={title} todos={todos} loading={loading && !data} error={error} refetch={() => void refetch()} />;
}

function SavedView() {
  const { filterId } = useParams();
  const { data, loading, error, refetch } = useQuery(WebSavedFilterTodosDocument, { variables: { id: filterId! }, fetchPolicy: 'network-only' });
  const view = data?.savedFilter;
  return <ViewList title={view?.name ?? 'Saved view'} todos={view?.todos.edges.map((edge) => edge.node) ?? []} loading={loading && !data} error={error} refetch={() => void refetch()} />;
}

type ViewTodo = ProjectTodo & { project?: { id: string; name: string } | null };

function ViewList({ title, todos, loading, error, refetch }: { title: string; todos: ViewTodo[]; loading: boolean; error?: { message: string }; refetch: () => void }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {loading && <Loading label="Loading the view…" />}
      {error && <ErrorNotice error={error} retry={refetch} />}
      {!loading && !error && todos.length === 0 && <Empty>Nothing in this view.</Empty>}
      <ol className="todo-list" aria-label={`Todos in ${title}`}>
        {todos.map((todo) => (
          <TodoItem key={todo.id} todo={todo} projectName={todo.project?.name} refetch={refetch} />
        ))}
      </ol>
    </section>
  );
}

function NewSavedView({ onCreated }: { onCreated: () => void }) {
  const [create, { loading, error }] = useMutation(WebCreateSavedFilterDocument);
  const id = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    void create({ variables: { input: { name: String(values.get('name')), due: String(values.get('due')) as DueWindow } } }).then(() => {
      form.reset();
      onCreated();
    }, () => undefined);
  };
  return (
    <form className="stack-form" onSubmit={onSubmit} aria-label="Save a view">
      <label htmlFor={`${id}-name`}>View name</label>
      <input id={`${id}-name`} name="name" required maxLength={120} />
      <label htmlFor={`${id}-due`}>Due</label>
      <select id={`${id}-due`} name="due" defaultValue="TODAY">
        {Object.entries(WINDOWS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={loading}>
        Save view
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
