import { userReference } from '@mosaic/kit';
import type { ProjectMemberResolvers } from '../resolvers.generated';

export const ProjectMember: ProjectMemberResolvers = {
  user: (member) => userReference(member.userId),
};
