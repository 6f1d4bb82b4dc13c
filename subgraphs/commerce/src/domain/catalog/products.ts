import { ConflictError, decodeId, isUniqueViolation, NotFoundError, refreshLoaders, UserInputError, uuidv7, validate, written, type Db } from '@mosaic/kit';
import type { Context } from '../../context';
import { adjustStockOnHand, findProductBySlug, insertProduct, insertVariant, nextVariantPosition, updateProductRow, updateVariantRow } from '../../data/catalog-repo';
import type { ProductRow, VariantRow } from '../../data/tables';
import { CATALOG_WRITE, isCatalogStaff } from '../access';
import { createProductInput, MAX_STOCK, slugify, updateProductInput, updateVariantInput, variantInput } from './catalog-input';

type CatalogContext = Pick<Context, 'auth' | 'db' | 'events' | 'loaders' | 'now' | 'settings'>;

/** Tells the graph (recommendations) what the product now is, in the transaction that changed it. */
async function announce(ctx: CatalogContext, tx: Db, product: ProductRow): Promise<void> {
  const category = product.categoryId ? ((await ctx.loaders.categoryById.load(product.categoryId))?.name ?? null) : null;
  await ctx.events.emit(tx, 'product.changed', { productId: product.id, name: product.name, category, status: product.status, changedAt: product.updatedAt.toISOString() });
}

/** Customers see ACTIVE products; staff see every status. */
export const visibleTo = (ctx: Pick<Context, 'auth'>, product: ProductRow | null): ProductRow | null =>
  product && (product.status === 'ACTIVE' || isCatalogStaff(ctx.auth)) ? product : null;

export async function findProduct(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<ProductRow | null> {
  return visibleTo(ctx, await ctx.loaders.productById.load(id));
}

export async function findProductBySlugFor(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, slug: string): Promise<ProductRow | null> {
  const row = visibleTo(ctx, await findProductBySlug(ctx.db, slug));
  if (row) ctx.loaders.productById.prime(row.id, row);
  return row;
}

async function categoryOrThrow(ctx: CatalogContext, publicId: string | null | undefined, field: string): Promise<string | null> {
  if (!publicId) return null;
  const id = decodeId('Category', publicId, field);
  if (!(await ctx.loaders.categoryById.load(id))) throw new UserInputError(`${field}: no category has this id.`, field);
  return id;
}

const skuTaken = (error: unknown) => {
  if (isUniqueViolation(error)) throw new ConflictError('A product with this slug, or a variant with one of these SKUs, exists already. Choose another.');
  throw error;
};

const variantRow = (productId: string, input: ReturnType<typeof variantInput.parse>, currency: string, position: number, now: Date): VariantRow => ({
  id: uuidv7(now.getTime()),
  vendorId: null,
  productId,
  sku: input.sku,
  name: input.name,
  options: input.options,
  priceMinor: input.priceMinor,
  currency,
  stockOnHand: input.stock,
  reserved: 0,
  lowStockThreshold: input.lowStockThreshold,
  position,
  createdAt: now,
});

export async function createProduct(ctx: CatalogContext, raw: unknown): Promise<ProductRow> {
  ctx.auth.require(CATALOG_WRITE);
  const input = validate(createProductInput, raw);
  const skus = input.variants.map((v) => v.sku);
  if (new Set(skus).size !== skus.length) throw new UserInputError('input.variants: two variants have the same SKU.', 'input.variants');
  const categoryId = await categoryOrThrow(ctx, input.categoryId, 'input.categoryId');
  const now = ctx.now();
  const id = uuidv7(now.getTime());
  const product: ProductRow = {
    id,
    vendorId: null,
    categoryId,
    name: input.name,
    slug: input.slug ?? `${slugify(input.name)}-${id.slice(-6)}`,
    description: input.description,
    imageUrls: input.images,
    status: input.status,
    createdAt: now,
    updatedAt: now,
  };
  const rows = input.variants.map((v, i) => variantRow(id, v, ctx.settings.currency, i, new Date(now.getTime() + i)));
  const inserted = await ctx.db
    .transaction(async (tx) => {
      const row = await insertProduct(tx, product, rows);
      await announce(ctx, tx, row);
      return row;
    })
    .catch(skuTaken);
  refreshLoaders(ctx.loaders, written(ctx.loaders.productById, inserted.id, inserted));
  return inserted;
}

export async function updateProduct(ctx: CatalogContext, id: string, raw: unknown): Promise<ProductRow> {
  ctx.auth.require(CATALOG_WRITE);
  const input = validate(updateProductInput, raw);
  const changes: Partial<ProductRow> = { updatedAt: ctx.now() };
  if (input.name) changes.name = input.name;
  if (input.description !== null && input.description !== undefined) changes.description = input.description;
  if (input.images) changes.imageUrls = input.images;
  if (input.status) changes.status = input.status;
  if (input.categoryId !== undefined) changes.categoryId = await categoryOrThrow(ctx, input.categoryId, 'input.categoryId');
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await updateProductRow(tx, id, changes);
    if (updated) await announce(ctx, tx, updated);
    return updated;
  });
  if (!row) throw new NotFoundError('Product');
  refreshLoaders(ctx.loaders, written(ctx.loaders.productById, row.id, row));
  return row;
}

export async function addVariant(ctx: CatalogContext, productId: string, raw: unknown): Promise<VariantRow> {
  ctx.auth.require(CATALOG_WRITE);
  const input = validate(variantInput, raw);
  if (!(await ctx.loaders.productById.load(productId))) throw new NotFoundError('Product');
  const now = ctx.now();
  const row = await insertVariant(ctx.db, variantRow(productId, input, ctx.settings.currency, await nextVariantPosition(ctx.db, productId), now)).catch(skuTaken);
  refreshLoaders(ctx.loaders, written(ctx.loaders.variantById, row.id, row));
  return row;
}

export async function updateVariant(ctx: CatalogContext, id: string, raw: unknown): Promise<VariantRow> {
  ctx.auth.require(CATALOG_WRITE);
  const input = validate(updateVariantInput, raw);
  const changes: Partial<VariantRow> = {};
  if (input.name) changes.name = input.name;
  if (input.priceMinor !== null && input.priceMinor !== undefined) changes.priceMinor = input.priceMinor;
  if (input.lowStockThreshold !== null && input.lowStockThreshold !== undefined) changes.lowStockThreshold = input.lowStockThreshold;
  const row = Object.keys(changes).length ? await updateVariantRow(ctx.db, id, changes) : await ctx.loaders.variantById.load(id);
  if (!row) throw new NotFoundError('ProductVariant');
  refreshLoaders(ctx.loaders, written(ctx.loaders.variantById, row.id, row));
  return row;
}

export async function adjustStock(ctx: CatalogContext, variantId: string, delta: number): Promise<VariantRow> {
  ctx.auth.require(CATALOG_WRITE);
  if (!Number.isInteger(delta) || delta === 0 || Math.abs(delta) > MAX_STOCK) throw new UserInputError(`delta must be a non-zero whole number of units, at most ${MAX_STOCK} either way.`, 'delta');
  const row = await adjustStockOnHand(ctx.db, variantId, delta);
  if (!row) {
    const existing = await ctx.loaders.variantById.load(variantId);
    if (!existing) throw new NotFoundError('ProductVariant');
    throw new ConflictError(`Only ${existing.stockOnHand - existing.reserved} units are not reserved by open orders; you cannot remove ${-delta}.`);
  }
  refreshLoaders(ctx.loaders, written(ctx.loaders.variantById, row.id, row));
  return row;
}
