import type { Connection, UserReference } from '@mosaic/kit';
import type { ProductRow } from './data/tables';

export type UserMapper = UserReference;
export type ProductMapper = ProductRow;
export type ProductConnectionMapper = Connection<ProductRow>;
