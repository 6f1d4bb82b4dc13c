import type { Context } from '../context';
import type { ProjectRole, ProjectRow, SectionRow } from '../data/tables';
import { listTodosOfProject, type TodoListArgs, type TodoPage } from './list-todos';

type ReadContext = Pick<Context, 'auth' | 'loaders'>;

/** The viewer's role; a project reached at all is one they are a member of (see findProject). */
export async function projectRoleOf(ctx: ReadContext, project: ProjectRow): Promise<ProjectRole> {
  const role = await ctx.loaders.projectRole.load(project.id);
  if (!role) throw new Error(`Project ${project.id} was resolved for a non-member.`);
  return role;
}

export function listProjectTodos(ctx: ReadContext, project: ProjectRow, args: TodoListArgs): Promise<TodoPage> {
  return listTodosOfProject(ctx, project.id, args);
}

/** The project of a todo the viewer sees, when they may see the project too (not an organisation member's own project). */
export async function visibleProject(ctx: ReadContext, projectId: string): Promise<ProjectRow | null> {
  return (await ctx.loaders.projectRole.load(projectId)) ? ctx.loaders.projectById.load(projectId) : null;
}

export async function visibleSection(ctx: ReadContext, sectionId: string | null): Promise<SectionRow | null> {
  if (!sectionId) return null;
  const section = await ctx.loaders.sectionById.load(sectionId);
  return section && (await ctx.loaders.projectRole.load(section.projectId)) ? section : null;
}
