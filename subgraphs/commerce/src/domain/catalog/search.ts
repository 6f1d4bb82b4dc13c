import { decodeCursor, decodeId, encodeCursor, pageSize, UserInputError } from '@mosaic/kit';
import type { Context } from '../../context';
import { MATCH_END, MATCH_START, searchProducts } from '../../data/catalog-repo';
import type { ProductStatus } from '../../data/tables';
import type { ProductConnectionMapper } from '../../mappers';
import { isCatalogStaff } from '../access';

export interface ProductListArgs {
  search?: string | null;
  filter?: { categoryId?: string | null; minPrice?: number | null; maxPrice?: number | null; inStock?: boolean | null; status?: ProductStatus | null } | null;
  first?: number | null;
  after?: string | null;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const highlightHtml = (raw: string) => escapeHtml(raw).replaceAll(MATCH_START, '<b>').replaceAll(MATCH_END, '</b>');

/** The catalog listing: one statement for the page (variants and categories come through loaders). */
export async function listProducts(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, args: ProductListArgs): Promise<ProductConnectionMapper> {
  const limit = pageSize(args.first);
  const search = args.search?.trim() || null;
  if (search && search.length > 200) throw new UserInputError('search must be at most 200 characters.', 'search');
  const filter = args.filter ?? {};
  for (const field of ['minPrice', 'maxPrice'] as const) {
    const value = filter[field];
    if (value !== null && value !== undefined && value < 0) throw new UserInputError(`filter.${field} must not be negative.`, `filter.${field}`);
  }
  if (filter.minPrice != null && filter.maxPrice != null && filter.minPrice > filter.maxPrice) throw new UserInputError('filter.minPrice must not exceed filter.maxPrice.', 'filter.minPrice');
  const staff = isCatalogStaff(ctx.auth);
  if (filter.status && filter.status !== 'ACTIVE' && !staff) throw new UserInputError('filter.status: only staff can list products that are not ACTIVE.', 'filter.status');
  const statuses: ProductStatus[] = filter.status ? [filter.status] : staff ? ['ACTIVE', 'DRAFT'] : ['ACTIVE'];
  let after: { sortKey: string | number; id: string } | null = null;
  if (args.after) {
    const [kind, sortKey, id] = decodeCursor(args.after, 3);
    if (kind !== (search ? 'rank' : 'new') || typeof id !== 'string' || (typeof sortKey !== 'string' && typeof sortKey !== 'number')) {
      throw new UserInputError('"after" is not a cursor returned by this list. Start again without it.', 'after');
    }
    after = { sortKey, id };
  }
  const hits = await searchProducts(ctx.db, {
    search,
    categoryId: filter.categoryId ? decodeId('Category', filter.categoryId, 'filter.categoryId') : null,
    minPrice: filter.minPrice ?? null,
    maxPrice: filter.maxPrice ?? null,
    inStock: filter.inStock ?? false,
    statuses,
    after,
    limit,
  });
  const page = hits.slice(0, limit);
  const edges = page.map((hit) => {
    ctx.loaders.productById.prime(hit.product.id, hit.product);
    const key = search ? ['rank', hit.rank, hit.product.id] : ['new', hit.product.createdAt.toISOString(), hit.product.id];
    return { node: hit.product, cursor: encodeCursor(key), highlight: hit.highlight === null ? null : highlightHtml(hit.highlight) };
  });
  return {
    edges,
    pageInfo: { hasNextPage: hits.length > limit, hasPreviousPage: Boolean(args.after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
