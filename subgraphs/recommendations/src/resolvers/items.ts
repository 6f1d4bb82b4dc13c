import { encodeId } from '@mosaic/kit';
import type { ItemKind } from '../data/tables';
import { TYPE_OF_KIND } from '../domain/items';
import type { PostMapper, ProductMapper } from '../mappers';

/** A stored (kind, raw id) as the entity reference the gateway resolves in commerce or blog. */
export const itemReference = (kind: ItemKind, id: string): ProductMapper | PostMapper =>
  kind === 'PRODUCT' ? { __typename: 'Product', id: encodeId(TYPE_OF_KIND.PRODUCT, id) } : { __typename: 'Post', id: encodeId(TYPE_OF_KIND.POST, id) };
