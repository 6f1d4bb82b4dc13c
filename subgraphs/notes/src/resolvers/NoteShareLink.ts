import { encodeId } from '@mosaic/kit';
import type { NoteShareLinkResolvers } from '../resolvers.generated';

export const NoteShareLink: NoteShareLinkResolvers = {
  id: (link) => encodeId('NoteShareLink', link.id),
  active: (link, _args, ctx) => link.revokedAt === null && (link.expiresAt === null || link.expiresAt > ctx.now()),
};
