import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { WebCreateProjectTodoDocument, WebCreateSectionDocument, WebProjectDocument, WebShareProjectDocument, WebUnshareProjectDocument, type ProjectRole } from '../../graphql/graphql';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { QuickAdd } from './QuickAdd';
import { TodoItem } from './TodoItem';
import { ROLE_LABELS, type ProjectTodo } from './todo-format';

type LabelOption = { id: string; name: string; color: string };

/** A project: its todos by section (subtasks under their todo), adding todos and sections, and its members. */
export function ProjectView({ projectId, labels }: { projectId: string; labels: readonly LabelOption[] }) {
  const { data, loading, error, refetch } = useQuery(WebProjectDocument, { variables: { id: projectId } });
  if (loading && !data) return <Loading label="Loading the project…" />;
  if (error) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const project = data?.project;
  if (!project) return <ErrorNotice error="This project does not exist or is not shared with you." />;
  const todos = project.todos.edges.map((edge) => edge.node);
  const canEdit = project.role !== 'VIEWER';
  const bySection = (sectionId: string | null) => todos.filter((todo) => (todo.section?.id ?? null) === sectionId);
  const reload = () => void refetch();
  return (
    <article className="project" aria-labelledby={`project-${project.id}`}>
      <h2 id={`project-${project.id}`}>{project.name}</h2>
      {canEdit && <QuickAdd projectId={project.id} onAdded={reload} />}
      <TodoGroup title="No section" todos={bySection(null)} refetch={reload} hideEmptyTitle />
      {project.sections.map((section) => (
        <TodoGroup key={section.id} title={section.name} todos={bySection(section.id)} refetch={reload} />
      ))}
      {todos.length === 0 && <Empty>No open todos in this project.</Empty>}
      {canEdit && <NewProjectTodo projectId={project.id} sections={project.sections} labels={labels} onCreated={reload} />}
      {canEdit && <NewSection projectId={project.id} onCreated={reload} />}
      <Members project={project} people={data.me?.organizations?.flatMap((m) => m.organization.members.map((member) => member.user)) ?? []} />
    </article>
  );
}

function TodoGroup({ title, todos, refetch, hideEmptyTitle }: { title: string; todos: ProjectTodo[]; refetch: () => void; hideEmptyTitle?: boolean }) {
  if (hideEmptyTitle && todos.length === 0) return null;
  return (
    <section aria-label={`Section ${title}`}>
      <h3>{title}</h3>
      {todos.length === 0 ? (
        <Empty>Nothing here.</Empty>
      ) : (
        <ol className="todo-list" aria-label={`Todos in ${title}`}>
          {todos.map((todo) => (
            <TodoItem key={todo.id} todo={todo} refetch={refetch} />
          ))}
        </ol>
      )}
    </section>
  );
}

function NewProjectTodo({ projectId, sections, labels, onCreated }: { projectId: string; sections: readonly { id: string; name: string }[]; labels: readonly LabelOption[]; onCreated: () => void }) {
  const [create, { loading, error }] = useMutation(WebCreateProjectTodoDocument);
  const id = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const sectionId = String(values.get('section') ?? '');
    const parentTitle = String(values.get('subtasks') ?? '');
    const labelIds = values.getAll('labels').map(String);
    void create({ variables: { input: { title: String(values.get('title')), projectId, sectionId: sectionId || null, labelIds } } })
      .then(async (result) => {
        // Subtasks, one a line, under the todo just made.
        const parentId = result.data?.createTodo?.id;
        for (const line of parentTitle.split('\n').map((l) => l.trim()).filter(Boolean)) {
          if (parentId) await create({ variables: { input: { title: line, parentId } } });
        }
        form.reset();
        onCreated();
      })
      .catch(() => undefined);
  };
  return (
    <form className="stack-form card" onSubmit={onSubmit} aria-label="New todo in this project">
      <h3>Add a todo</h3>
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} name="title" required maxLength={200} />
      <label htmlFor={`${id}-section`}>Section</label>
      <select id={`${id}-section`} name="section" defaultValue="">
        <option value="">No section</option>
        {sections.map((section) => (
          <option key={section.id} value={section.id}>
            {section.name}
          </option>
        ))}
      </select>
      {labels.length > 0 && (
        <fieldset>
          <legend>Labels</legend>
          {labels.map((label) => (
            <label key={label.id} className="inline">
              <input type="checkbox" name="labels" value={label.id} /> #{label.name}
            </label>
          ))}
        </fieldset>
      )}
      <label htmlFor={`${id}-subtasks`}>Subtasks (one a line)</label>
      <textarea id={`${id}-subtasks`} name="subtasks" rows={2} />
      <button type="submit" disabled={loading}>
        Add to project
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}

function NewSection({ projectId, onCreated }: { projectId: string; onCreated: () => void }) {
  const [create, { loading, error }] = useMutation(WebCreateSectionDocument);
  const id = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    void create({ variables: { projectId, name: String(new FormData(form).get('name')) } }).then(() => {
      form.reset();
      onCreated();
    }, () => undefined);
  };
  return (
    <form className="row-form" onSubmit={onSubmit} aria-label="New section">
      <label htmlFor={`${id}-name`}>New section</label>
      <input id={`${id}-name`} name="name" required maxLength={120} />
      <button type="submit" disabled={loading}>
        Add section
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}

const GRANTABLE: ProjectRole[] = ['EDITOR', 'VIEWER', 'ADMIN'];

type ProjectMembers = { id: string; inbox: boolean; role: ProjectRole; members: readonly { role: ProjectRole; user: { id: string; displayName: string } }[] };

function Members({ project, people }: { project: ProjectMembers; people: readonly { id: string; displayName: string }[] }) {
  const [share, sharing] = useMutation(WebShareProjectDocument);
  const [unshare, unsharing] = useMutation(WebUnshareProjectDocument);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<ProjectRole>('EDITOR');
  const id = useId();
  const memberIds = new Set(project.members.map((member) => member.user.id));
  const candidates = [...new Map(people.filter((person) => !memberIds.has(person.id)).map((person) => [person.id, person])).values()];
  const mayShare = !project.inbox && (project.role === 'OWNER' || project.role === 'ADMIN');
  const chosen = userId || candidates[0]?.id || '';
  const onShare = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) void share({ variables: { projectId: project.id, userId: chosen, role } }).catch(() => undefined);
  };
  return (
    <section aria-labelledby={`${id}-members`}>
      <h3 id={`${id}-members`}>Members</h3>
      <ul aria-label="Project members">
        {project.members.map((member) => (
          <li key={member.user.id}>
            {member.user.displayName} — {ROLE_LABELS[member.role]}
            {mayShare && member.role !== 'OWNER' && (
              <>
                {' '}
                <button type="button" aria-label={`Remove ${member.user.displayName} from the project`} onClick={() => void unshare({ variables: { projectId: project.id, userId: member.user.id } }).catch(() => undefined)}>
                  Remove
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {mayShare && candidates.length > 0 && (
        <form className="row-form" onSubmit={onShare} aria-label="Share the project">
          <label htmlFor={`${id}-user`}>Share with</label>
          <select id={`${id}-user`} value={chosen} onChange={(event) => setUserId(event.target.value)}>
            {candidates.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value as ProjectRole)}>
            {GRANTABLE.filter((value) => value !== 'ADMIN' || project.role === 'OWNER').map((value) => (
              <option key={value} value={value}>
                {ROLE_LABELS[value]}
              </option>
            ))}
          </select>
          <button type="submit" disabled={sharing.loading}>
            Share
          </button>
        </form>
      )}
      {(sharing.error ?? unsharing.error) && <ErrorNotice error={(sharing.error ?? unsharing.error)!} />}
    </section>
  );
}
