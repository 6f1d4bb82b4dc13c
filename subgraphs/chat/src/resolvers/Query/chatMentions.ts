import { listMentions } from '../../domain/mentions';
import type { QueryResolvers } from '../../resolvers.generated';

export const chatMentions: NonNullable<QueryResolvers['chatMentions']> = (_parent, args, ctx) => listMentions(ctx, args);
