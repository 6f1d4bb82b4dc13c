import { decodeId } from '@mosaic/kit';
import { findOwnOrganization } from '../../domain/organizations';
import type { QueryResolvers } from '../../resolvers.generated';

export const organization: NonNullable<QueryResolvers['organization']> = (_parent, args, ctx) => findOwnOrganization(ctx, decodeId('Organization', args.id));
