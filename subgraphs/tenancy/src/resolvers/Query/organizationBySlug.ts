import { findOrganizationBySlug } from '../../domain/organizations';
import type { QueryResolvers } from '../../resolvers.generated';

export const organizationBySlug: NonNullable<QueryResolvers['organizationBySlug']> = (_parent, args, ctx) => findOrganizationBySlug(ctx, args.slug);
