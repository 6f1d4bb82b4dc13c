import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { findProject } from '../domain/projects';
import { listProjectTodos, projectRoleOf } from '../domain/project-reads';
import type { ProjectResolvers } from '../resolvers.generated';

export const Project: ProjectResolvers = {
  // `_entities` applies the same rule as `Query.project`: members only; others get null.
  __resolveReference: (reference, ctx) => findProject(ctx, decodeId('Project', reference.id)),
  id: (project) => encodeId('Project', project.id),
  owner: (project) => userReference(project.ownerId),
  role: (project, _args, ctx) => projectRoleOf(ctx, project),
  sections: (project, _args, ctx) => ctx.loaders.projectSections.load(project.id),
  members: (project, _args, ctx) => ctx.loaders.projectMembers.load(project.id),
  todos: (project, args, ctx) => listProjectTodos(ctx, project, args),
};
