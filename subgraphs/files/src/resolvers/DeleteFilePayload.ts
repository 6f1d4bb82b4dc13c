import { encodeId } from '@mosaic/kit';
import type { DeleteFilePayloadResolvers } from '../resolvers.generated';

export const DeleteFilePayload: DeleteFilePayloadResolvers = {
  deletedId: (payload) => encodeId('File', payload.deletedId),
};
