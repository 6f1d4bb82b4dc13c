import { decodeId } from '@mosaic/kit';
import { renameSection as rename } from '../../domain/sections';
import type { MutationResolvers } from '../../resolvers.generated';

export const renameSection: NonNullable<MutationResolvers['renameSection']> = (_parent, args, ctx) => rename(ctx, decodeId('Section', args.id), args.name);
