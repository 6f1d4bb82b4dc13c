import { decodeId } from '@mosaic/kit';
import { findOrganization } from '../../domain/organizations';
import type { QueryResolvers } from '../../resolvers.generated';

export const organization: NonNullable<QueryResolvers['organization']> = (_parent, args, ctx) => findOrganization(ctx, decodeId('Organization', args.id));
