import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { NavLink, Route, Routes } from 'react-router';
import {
  WebCompleteTodoDocument,
  WebCreateTodoDocument,
  WebDeleteTodoDocument,
  WebMoveTodoDocument,
  WebReopenTodoDocument,
  WebTodosDocument,
  type TodoItemFragment,
} from '../../graphql/graphql';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { formatDateTime } from '../../ui/format';
import { Projects } from './Projects';
import { Views } from './Views';

const RECURRENCES: Record<string, string> = {
  '': 'Does not repeat',
  'FREQ=DAILY': 'Every day',
  'FREQ=WEEKLY': 'Every week',
  'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR': 'Every weekday',
  'FREQ=MONTHLY': 'Every month',
};

/** Todos: every todo in manual order, projects (sections, subtasks, labels, sharing, quick add) and views. */
export default function TodosScreen() {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Todos</h1>
      <nav aria-label="Todo pages" className="tabs">
        <NavLink to="/todos" end>
          All
        </NavLink>
        <NavLink to="/todos/projects">Projects</NavLink>
        <NavLink to="/todos/views">Views</NavLink>
      </nav>
      <Routes>
        <Route index element={<AllTodos />} />
        <Route path="projects/*" element={<Projects />} />
        <Route path="views/*" element={<Views />} />
      </Routes>
    </section>
  );
}

function AllTodos() {
  const [showDone, setShowDone] = useState(false);
  const { data, loading, error, refetch } = useQuery(WebTodosDocument, { variables: { filter: showDone ? null : { done: false } } });
  const todos = data?.me?.todos?.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <NewTodo onCreated={() => void refetch()} />
      <label className="inline">
        <input type="checkbox" checked={showDone} onChange={(event) => setShowDone(event.target.checked)} /> Show completed
      </label>
      {loading && !data && <Loading label="Loading todos…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && todos.length === 0 && <Empty>Nothing to do. Add a todo above.</Empty>}
      <ol className="todo-list" aria-label="Todos">
        {todos.map((todo, index) => (
          <TodoRow key={todo.id} todo={todo} previous={todos[index - 1]} next={todos[index + 1]} refetch={() => void refetch()} />
        ))}
      </ol>
    </>
  );
}

function NewTodo({ onCreated }: { onCreated: () => void }) {
  const [create, { loading, error }] = useMutation(WebCreateTodoDocument);
  const id = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const due = String(values.get('dueAt') ?? '');
    const recurrence = String(values.get('recurrence') ?? '');
    void create({
      variables: { input: { title: String(values.get('title')), dueAt: due ? new Date(due).toISOString() : null, recurrence: recurrence || null } },
    })
      .then(() => {
        form.reset();
        onCreated();
      })
      .catch(() => undefined);
  };
  return (
    <form className="row-form" onSubmit={onSubmit} aria-label="New todo">
      <label htmlFor={`${id}-title`} className="visually-hidden">
        Title
      </label>
      <input id={`${id}-title`} name="title" placeholder="What needs doing?" required maxLength={200} />
      <label htmlFor={`${id}-due`}>Due</label>
      <input id={`${id}-due`} name="dueAt" type="datetime-local" />
      <label htmlFor={`${id}-repeat`}>Repeats</label>
      <select id={`${id}-repeat`} name="recurrence" defaultValue="">
        {Object.entries(RECURRENCES).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={loading}>
        {loading ? 'Adding…' : 'Add todo'}
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}

interface RowProps {
  todo: TodoItemFragment;
  previous: TodoItemFragment | undefined;
  next: TodoItemFragment | undefined;
  refetch: () => void;
}

function TodoRow({ todo, previous, next, refetch }: RowProps) {
  const [complete, completing] = useMutation(WebCompleteTodoDocument);
  const [reopen, reopening] = useMutation(WebReopenTodoDocument);
  const [remove, removing] = useMutation(WebDeleteTodoDocument);
  const [move, moving] = useMutation(WebMoveTodoDocument);
  const error = completing.error ?? reopening.error ?? removing.error ?? moving.error;
  const toggle = () => void (todo.done ? reopen({ variables: { id: todo.id } }) : complete({ variables: { id: todo.id } })).then(refetch).catch(() => undefined);
  const moveUp = () => void move({ variables: { id: todo.id, beforeId: previous!.id } }).then(refetch).catch(() => undefined);
  const moveDown = () => void move({ variables: { id: todo.id, afterId: next!.id } }).then(refetch).catch(() => undefined);
  const checkboxId = `todo-${todo.id}`;
  return (
    <li className={todo.done ? 'todo done' : 'todo'}>
      <input id={checkboxId} type="checkbox" checked={todo.done} onChange={toggle} disabled={completing.loading || reopening.loading} />
      <label htmlFor={checkboxId} className="todo-title">
        {todo.title}
      </label>
      <span className="todo-meta">
        {todo.dueAt && <time dateTime={todo.dueAt}>due {formatDateTime(todo.dueAt)}</time>}
        {todo.recurrence && <span title={todo.recurrence}> · repeats</span>}
      </span>
      <span className="todo-actions">
        <button type="button" aria-label={`Move "${todo.title}" up`} disabled={!previous || moving.loading} onClick={moveUp}>
          ↑
        </button>
        <button type="button" aria-label={`Move "${todo.title}" down`} disabled={!next || moving.loading} onClick={moveDown}>
          ↓
        </button>
        <button type="button" aria-label={`Delete "${todo.title}"`} disabled={removing.loading} onClick={() => void remove({ variables: { id: todo.id } }).then(refetch).catch(() => undefined)}>
          Delete
        </button>
      </span>
      {error && <ErrorNotice error={error} />}
    </li>
  );
}
