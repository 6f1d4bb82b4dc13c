import { uploadSmallFile as upload } from '../../domain/files';
import type { MutationResolvers } from '../../resolvers.generated';

export const uploadSmallFile: NonNullable<MutationResolvers['uploadSmallFile']> = (_parent, args, ctx) => upload(ctx, args.input);
