import { entitlementsOf } from '../../domain/usage';
import type { QueryResolvers } from '../../resolvers.generated';

export const organizationEntitlements: NonNullable<QueryResolvers['organizationEntitlements']> = (_parent, args, ctx) => entitlementsOf(ctx, args.ids);
