import { z } from 'zod';
import { UserInputError, decodeId, validate, type Db } from '@mosaic/kit';
import { upsertItem } from '../data/items-repo';
import type { ItemKind } from '../data/tables';

/** GraphQL type name ⇄ stored kind. */
export const TYPE_OF_KIND: Record<ItemKind, 'Product' | 'Post'> = { PRODUCT: 'Product', POST: 'Post' };

/** A Product or Post id → its kind and raw id; anything else is a clear input error. */
export function parseItemId(id: string, field: string): { kind: ItemKind; id: string } {
  for (const kind of ['PRODUCT', 'POST'] as const) {
    try {
      return { kind, id: decodeId(TYPE_OF_KIND[kind], id, field) };
    } catch {
      // not this kind: try the next
    }
  }
  throw new UserInputError(`"${id.slice(0, 64)}" is not a Product or Post ID.`, field);
}

const itemFacts = z.object({
  kind: z.enum(['PRODUCT', 'POST']),
  id: z.string().uuid(),
  title: z.string().trim().min(1).max(300),
  category: z.string().trim().min(1).max(100).nullish(),
  tags: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
  listedAt: z.date(),
});

/**
 * An item its owning subgraph listed or changed (from its event, or the demo seed): only known
 * items can be interacted with, and their category and tags are the content features that
 * place new items before anyone has used them.
 */
export async function registerItem(db: Db, facts: z.input<typeof itemFacts>): Promise<void> {
  const item = validate(itemFacts, facts);
  await upsertItem(db, { kind: item.kind, id: item.id, title: item.title, category: item.category ?? null, tags: [...new Set(item.tags.map((t) => t.toLowerCase()))], createdAt: item.listedAt });
}
