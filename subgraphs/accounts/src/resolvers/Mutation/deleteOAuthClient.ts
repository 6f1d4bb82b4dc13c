import { deleteOAuthClient as remove } from '../../domain/oauth-clients';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteOAuthClient: NonNullable<MutationResolvers['deleteOAuthClient']> = (_parent, args, ctx) => remove(ctx, args.clientId);
