import { rotateOAuthClientSecret as rotate } from '../../domain/oauth-clients';
import type { MutationResolvers } from '../../resolvers.generated';

export const rotateOAuthClientSecret: NonNullable<MutationResolvers['rotateOAuthClientSecret']> = (_parent, args, ctx) => rotate(ctx, args.clientId);
