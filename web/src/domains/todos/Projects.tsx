import { useId, type FormEvent } from 'react';
import { NavLink, Route, Routes, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { WebCreateProjectDocument, WebProjectsDocument } from '../../graphql/graphql';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { ROLE_LABELS } from './todo-format';
import { ProjectView } from './ProjectView';

/** Your projects (the Inbox first) and those shared with you, and one project's page. */
export function Projects() {
  const { data, loading, error, refetch } = useQuery(WebProjectsDocument);
  const projects = data?.projects ?? [];
  return (
    <div className="split">
      <nav aria-label="Projects" className="rooms">
        <h2>Projects</h2>
        {loading && !data && <Loading label="Loading projects…" />}
        {error && <ErrorNotice error={error} retry={() => void refetch()} />}
        <ul>
          {projects.map((project) => (
            <li key={project.id}>
              <NavLink to={`/todos/projects/${project.id}`}>
                <span>
                  <span className="swatch" style={{ background: project.color }} aria-hidden="true" /> {project.name}
                </span>
                {project.role !== 'OWNER' && <span className="meta">{ROLE_LABELS[project.role]}</span>}
              </NavLink>
            </li>
          ))}
        </ul>
        <NewProject onCreated={() => void refetch()} />
      </nav>
      <Routes>
        <Route path=":projectId" element={<ProjectRoute labels={data?.labels ?? []} />} />
        <Route path="*" element={<Empty>Choose a project.</Empty>} />
      </Routes>
    </div>
  );
}

function ProjectRoute({ labels }: { labels: readonly { id: string; name: string; color: string }[] }) {
  const { projectId } = useParams();
  return projectId ? <ProjectView key={projectId} projectId={projectId} labels={labels} /> : null;
}

function NewProject({ onCreated }: { onCreated: () => void }) {
  const [create, { loading, error }] = useMutation(WebCreateProjectDocument);
  const id = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    void create({ variables: { input: { name: String(values.get('name')), color: String(values.get('color')) } } }).then(() => {
      form.reset();
      onCreated();
    }, () => undefined);
  };
  return (
    <form className="stack-form" onSubmit={onSubmit} aria-label="New project">
      <label htmlFor={`${id}-name`}>New project</label>
      <input id={`${id}-name`} name="name" required maxLength={120} />
      <label htmlFor={`${id}-color`}>Colour</label>
      <input id={`${id}-color`} name="color" type="color" defaultValue="#4073ff" />
      <button type="submit" disabled={loading}>
        Create project
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
