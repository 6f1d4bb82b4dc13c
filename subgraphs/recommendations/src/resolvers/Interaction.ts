import { encodeId } from '@mosaic/kit';
import type { InteractionResolvers } from '../resolvers.generated';
import { itemReference } from './items';

export const Interaction: InteractionResolvers = {
  id: (row) => encodeId('Interaction', row.id),
  item: (row) => itemReference(row.itemKind, row.itemId),
  user: (row) => ({ id: encodeId('User', row.userId) }),
};
