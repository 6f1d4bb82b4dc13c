import { decodeId } from '@mosaic/kit';
import { findOwnFile } from '../../domain/files';
import type { QueryResolvers } from '../../resolvers.generated';

export const file: NonNullable<QueryResolvers['file']> = (_parent, args, ctx) => findOwnFile(ctx, decodeId('File', args.id));
