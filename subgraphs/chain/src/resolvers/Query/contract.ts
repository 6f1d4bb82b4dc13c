import { decodeId } from '@mosaic/kit';
import { findOwnContract } from '../../domain/contracts/contracts';
import type { QueryResolvers } from '../../resolvers.generated';

export const contract: NonNullable<QueryResolvers['contract']> = (_parent, args, ctx) => findOwnContract(ctx, decodeId('Contract', args.id));
