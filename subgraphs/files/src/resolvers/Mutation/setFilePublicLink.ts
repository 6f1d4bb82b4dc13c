import { decodeId } from '@mosaic/kit';
import { setPublicLink } from '../../domain/files';
import type { MutationResolvers } from '../../resolvers.generated';

export const setFilePublicLink: NonNullable<MutationResolvers['setFilePublicLink']> = (_parent, { input }, ctx) => setPublicLink(ctx, decodeId('File', input.fileId), input.enabled);
