import { listExternalProviders } from '../../domain/external-sign-in';
import type { QueryResolvers } from '../../resolvers.generated';

export const externalIdentityProviders: NonNullable<QueryResolvers['externalIdentityProviders']> = (_parent, _args, ctx) => listExternalProviders(ctx);
