import { encodeId } from '@mosaic/kit';
import type { DeleteSavedLocationPayloadResolvers } from '../resolvers.generated';

export const DeleteSavedLocationPayload: DeleteSavedLocationPayloadResolvers = {
  deletedId: (payload) => encodeId('SavedLocation', payload.deletedId),
};
