import { createFile as create } from '../../domain/files';
import type { MutationResolvers } from '../../resolvers.generated';

export const createFile: NonNullable<MutationResolvers['createFile']> = (_parent, args, ctx) => create(ctx, args.input);
