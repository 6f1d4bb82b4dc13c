import { createOrganization as create } from '../../domain/organizations';
import type { MutationResolvers } from '../../resolvers.generated';

export const createOrganization: NonNullable<MutationResolvers['createOrganization']> = (_parent, args, ctx) => create(ctx, args.input);
