import { decodeId } from '@mosaic/kit';
import { unshareProject as unshare } from '../../domain/sharing';
import type { MutationResolvers } from '../../resolvers.generated';

export const unshareProject: NonNullable<MutationResolvers['unshareProject']> = (_parent, args, ctx) => unshare(ctx, decodeId('Project', args.projectId, 'projectId'), decodeId('User', args.userId, 'userId'));
