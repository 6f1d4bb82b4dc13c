import { decodeId } from '@mosaic/kit';
import { findReadableFile } from '../../domain/files';
import type { QueryResolvers } from '../../resolvers.generated';

export const file: NonNullable<QueryResolvers['file']> = (_parent, args, ctx) => findReadableFile(ctx, decodeId('File', args.id));
