import { encodeId } from '@mosaic/kit';
import type { DeleteLinkPayloadResolvers } from '../resolvers.generated';

export const DeleteLinkPayload: DeleteLinkPayloadResolvers = {
  deletedId: (payload) => encodeId('Link', payload.deletedId),
};
