import { listOAuthClients } from '../../domain/oauth-clients';
import type { QueryResolvers } from '../../resolvers.generated';

export const oauthClients: NonNullable<QueryResolvers['oauthClients']> = (_parent, args, ctx) => listOAuthClients(ctx, args);
