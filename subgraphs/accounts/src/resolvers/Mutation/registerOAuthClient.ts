import { registerOAuthClient as registerClient } from '../../domain/oauth-clients';
import type { MutationResolvers } from '../../resolvers.generated';
import { grantTypeFromGraphQL } from '../OAuthClient';

export const registerOAuthClient: NonNullable<MutationResolvers['registerOAuthClient']> = (_parent, args, ctx) =>
  registerClient(ctx, { ...args.input, redirectUris: args.input.redirectUris ?? [], grantTypes: args.input.grantTypes.map(grantTypeFromGraphQL) });
