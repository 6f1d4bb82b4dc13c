import { encodeId } from '@mosaic/kit';
import { getProject } from '../domain/projects';
import type { SectionResolvers } from '../resolvers.generated';

export const Section: SectionResolvers = {
  id: (section) => encodeId('Section', section.id),
  project: (section, _args, ctx) => getProject(ctx, section.projectId),
};
