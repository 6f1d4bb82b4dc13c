import { decodeId, encodeId } from '@mosaic/kit';
import { findOwnLabel } from '../domain/labels';
import type { LabelResolvers } from '../resolvers.generated';

export const Label: LabelResolvers = {
  __resolveReference: (reference, ctx) => findOwnLabel(ctx, decodeId('Label', reference.id)),
  id: (label) => encodeId('Label', label.id),
};
