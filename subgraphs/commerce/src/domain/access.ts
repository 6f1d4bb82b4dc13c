import type { Authorization } from '@mosaic/kit';

/** Catalog staff (roles admin, staff): see drafts and stock figures, change the catalog. */
export const CATALOG_WRITE = 'commerce:catalog';
/** Order staff: see and move every order. */
export const ORDERS_MANAGE = 'commerce:manage-orders';

export const isCatalogStaff = (auth: Authorization) => auth.viewer !== null && auth.hasScope(CATALOG_WRITE);
export const isOrderStaff = (auth: Authorization) => auth.viewer !== null && auth.hasScope(ORDERS_MANAGE);
