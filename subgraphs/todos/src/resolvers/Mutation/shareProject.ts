import { decodeId } from '@mosaic/kit';
import { shareProject as share } from '../../domain/sharing';
import type { MutationResolvers } from '../../resolvers.generated';

export const shareProject: NonNullable<MutationResolvers['shareProject']> = (_parent, args, ctx) =>
  share(ctx, decodeId('Project', args.projectId, 'projectId'), decodeId('User', args.userId, 'userId'), args.role);
