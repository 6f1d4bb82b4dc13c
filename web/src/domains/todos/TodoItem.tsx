import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { WebAddReminderDocument, WebCompleteTodoDocument, WebReopenTodoDocument } from '../../graphql/graphql';
import { ErrorNotice } from '../../ui/status';
import { formatDateTime } from '../../ui/format';
import { PRIORITY_LABELS, type ProjectTodo } from './todo-format';

/** A todo in a project or a view: done box, labels, due date, subtasks, and a reminder. */
export function TodoItem({ todo, projectName, refetch }: { todo: ProjectTodo; projectName?: string; refetch: () => void }) {
  const [complete, completing] = useMutation(WebCompleteTodoDocument);
  const [reopen, reopening] = useMutation(WebReopenTodoDocument);
  const toggle = (id: string, done: boolean) => void (done ? reopen({ variables: { id } }) : complete({ variables: { id } })).then(refetch, () => undefined);
  const error = completing.error ?? reopening.error;
  return (
    <li className={todo.done ? 'todo done' : 'todo'}>
      <input id={`todo-${todo.id}`} type="checkbox" checked={todo.done} onChange={() => toggle(todo.id, todo.done)} />
      <label htmlFor={`todo-${todo.id}`} className="todo-title">
        {todo.title}
      </label>
      <span className="todo-meta">
        {projectName && <span>{projectName} · </span>}
        {todo.priority !== 'NONE' && <span>{PRIORITY_LABELS[todo.priority]} · </span>}
        {todo.dueAt && <time dateTime={todo.dueAt}>due {formatDateTime(todo.dueAt)}</time>}
        {todo.recurrence && <span title={todo.recurrence}> · repeats</span>}
        {todo.labels.map((label) => (
          <span key={label.id} className="label-chip" style={{ borderColor: label.color }}>
            #{label.name}
          </span>
        ))}
      </span>
      <span className="todo-actions">
        <ReminderForm todoId={todo.id} title={todo.title} />
      </span>
      {todo.subtasks.length > 0 && (
        <ul className="subtasks" aria-label={`Subtasks of ${todo.title}`}>
          {todo.subtasks.map((subtask) => (
            <li key={subtask.id}>
              <input id={`todo-${subtask.id}`} type="checkbox" checked={subtask.done} onChange={() => toggle(subtask.id, subtask.done)} />{' '}
              <label htmlFor={`todo-${subtask.id}`}>{subtask.title}</label>
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorNotice error={error} />}
    </li>
  );
}

const REMIND_IN_MINUTES = [1, 10, 60, 24 * 60];

/** "Remind me in …": an absolute reminder from now; it fires on the `reminders` subscription. */
function ReminderForm({ todoId, title }: { todoId: string; title: string }) {
  const [add, { loading, error, data }] = useMutation(WebAddReminderDocument);
  const [minutes, setMinutes] = useState(String(REMIND_IN_MINUTES[0]));
  const id = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const remindAt = new Date(Date.now() + Number(minutes) * 60_000).toISOString();
    void add({ variables: { input: { todoId, remindAt } } }).catch(() => undefined);
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} aria-label={`Reminder for ${title}`}>
      <label htmlFor={`${id}-in`} className="visually-hidden">
        Remind me about {title} in
      </label>
      <select id={`${id}-in`} value={minutes} onChange={(event) => setMinutes(event.target.value)}>
        {REMIND_IN_MINUTES.map((value) => (
          <option key={value} value={value}>
            {value < 60 ? `in ${value} min` : value < 1440 ? `in ${value / 60} h` : 'in a day'}
          </option>
        ))}
      </select>
      <button type="submit" disabled={loading}>
        Remind me
      </button>
      {data?.addReminder?.fireAt && (
        <span role="status" className="meta">
          Reminder set for {formatDateTime(data.addReminder.fireAt)}
        </span>
      )}
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
