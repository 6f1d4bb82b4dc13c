import { pageSize } from '@mosaic/kit';
import type { Context } from '../context';
import { itemKey } from '../data/items-repo';
import { newItemsKey } from '../data/loaders';
import type { InteractionRow, ItemKind, ItemRow } from '../data/tables';
import { DAY_MS, decayed, interactionWeight, KIND_WEIGHTS, type InteractionKind } from '../model/behaviour';
import { scoreForUser, similarItems, type HistoryItem, type Scored } from '../model/score';

export type SuggestionSource = Scored['source'] | 'CONTENT';

export interface Suggestion {
  kind: ItemKind;
  id: string;
  score: number;
  reason: string;
  source: SuggestionSource;
}

type RecommendContext = Pick<Context, 'auth' | 'loaders' | 'models' | 'requestedAt' | 'settings'>;

const HISTORY_LIMIT = 500;
const DEFAULT_FIRST = 10;
const MAX_FIRST = 50;
/** New items (no behaviour yet) placed in a list by their content, at most this many. */
const NEW_ITEM_SLOTS = 2;
const VERB: Record<InteractionKind, string> = { VIEW: 'viewed', READ: 'read', CART_ADD: 'added', LIKE: 'liked', PURCHASE: 'bought', RATING: 'rated' };

interface UserHistory {
  items: HistoryItem[];
  /** The strongest thing the user did with each item, for "because you liked …". */
  strongest: Map<string, InteractionKind>;
}

function historyOf(rows: InteractionRow[], now: Date, halfLifeDays: number): UserHistory {
  const weights = new Map<string, number>();
  const strongest = new Map<string, InteractionKind>();
  for (const row of rows) {
    const key = itemKey(row.itemKind, row.itemId);
    weights.set(key, (weights.get(key) ?? 0) + decayed(interactionWeight(row.kind, row.rating), row.occurredAt, now, halfLifeDays));
    const held = strongest.get(key);
    if (!held || KIND_WEIGHTS[row.kind] > KIND_WEIGHTS[held]) strongest.set(key, row.kind);
  }
  return { items: [...weights].filter(([, weight]) => weight > 0).map(([key, weight]) => ({ itemKey: key, weight })), strongest };
}

const parseKey = (key: string) => {
  const [kind, id] = key.split(':') as [ItemKind, string];
  return { kind, id };
};

/**
 * `User.recommendations`: the blend of factorisation (folded in from the user's current history,
 * so what they did a second ago counts without retraining), item similarity and popularity,
 * then new items that match the user's categories and tags. Users with no history get what is
 * popular in the categories they touched, else what is trending.
 */
export async function recommendationsFor(ctx: RecommendContext, userId: string, kind: ItemKind, first: number | null | undefined): Promise<Suggestion[]> {
  ctx.auth.require('recommendations:read');
  ctx.auth.requireOwnerOrAdmin(userId, 'recommendations');
  const limit = pageSize(first ?? DEFAULT_FIRST, MAX_FIRST);
  const now = ctx.requestedAt;
  const since = new Date(now.getTime() - ctx.settings.windowDays * DAY_MS);
  const history = historyOf(await ctx.loaders.history.load({ parentId: userId, query: { limit: HISTORY_LIMIT, since } }), now, ctx.settings.halfLifeDays);
  const historyFacts = (await ctx.loaders.itemByKey.loadMany(history.items.map((h) => h.itemKey))).filter((item): item is ItemRow => item !== null && !(item instanceof Error));
  const categories = new Set(historyFacts.map((item) => item.category).filter((c): c is string => c !== null));
  const tags = new Set(historyFacts.flatMap((item) => item.tags));
  const seen = new Set(history.items.map((h) => h.itemKey));

  const model = ctx.models.current();
  const ranked = model ? scoreForUser(model, history.items, { first: limit * 3, weights: ctx.settings.blend, accept: (key) => key.startsWith(`${kind}:`) }) : [];
  const facts = await factsOf(ctx, ranked.map((r) => r.itemKey));
  for (const item of historyFacts) facts.set(itemKey(item.kind, item.id), item);
  const coldStart = !model || history.items.every((h) => !model.itemIndex.has(h.itemKey));
  const inContext = (key: string) => categories.has(facts.get(key)?.category ?? '');
  // Cold start: popular in the user's categories first, then popular anywhere.
  const ordered = coldStart && categories.size > 0 ? [...ranked.filter((r) => inContext(r.itemKey)), ...ranked.filter((r) => !inContext(r.itemKey))] : ranked;
  const suggestions = ordered
    .filter((r) => facts.has(r.itemKey) && !seen.has(r.itemKey))
    .slice(0, limit)
    .map((r) => ({ ...parseKey(r.itemKey), score: r.score, source: r.source, reason: reasonFor(r, facts, history, inContext(r.itemKey) ? (facts.get(r.itemKey)?.category ?? undefined) : undefined) }));

  const fresh = await ctx.loaders.newItems.load(newItemsKey(kind, model?.trainedAt ?? new Date(0).toISOString()));
  const matches = fresh
    .filter((item) => !seen.has(itemKey(item.kind, item.id)) && !model?.itemIndex.has(itemKey(item.kind, item.id)))
    .map((item) => ({ item, overlap: contentOverlap(item, categories, tags) }))
    .filter((m) => m.overlap > 0)
    .sort((a, b) => b.overlap - a.overlap)
    .slice(0, NEW_ITEM_SLOTS);
  const floor = suggestions.at(-1)?.score ?? 1;
  const content: Suggestion[] = matches.map(({ item, overlap }) => ({
    kind: item.kind,
    id: item.id,
    score: floor * overlap,
    source: 'CONTENT',
    reason: item.category && categories.has(item.category) ? `New in ${item.category}, which you like` : `New, and tagged like things you like`,
  }));
  // New items take the last slots, so a list stays `first` long.
  return [...suggestions.slice(0, limit - content.length), ...content];
}

/** `Query.trending`: the time-decayed popularity of the model's items, for anyone. */
export async function trending(ctx: Pick<Context, 'loaders' | 'models' | 'settings'>, kind: ItemKind, first: number | null | undefined): Promise<Suggestion[]> {
  const limit = pageSize(first ?? DEFAULT_FIRST, MAX_FIRST);
  const model = ctx.models.current();
  if (!model) return [];
  const ranked = scoreForUser(model, [], { first: limit * 2, weights: { FACTORIZATION: 0, ITEM_SIMILARITY: 0, POPULARITY: 1 }, accept: (key) => key.startsWith(`${kind}:`) });
  const facts = await factsOf(ctx, ranked.map((r) => r.itemKey));
  return ranked
    .filter((r) => facts.has(r.itemKey))
    .slice(0, limit)
    .map((r) => ({ ...parseKey(r.itemKey), score: r.score, source: 'POPULARITY', reason: 'Trending now' }));
}

/** `Product.similar` / `Post.similar`: neighbours by behaviour; for an item too new to have any, items sharing its category and tags. */
export async function similarTo(ctx: Pick<Context, 'loaders' | 'models'>, kind: ItemKind, id: string, first: number | null | undefined): Promise<Suggestion[]> {
  const limit = pageSize(first ?? DEFAULT_FIRST, MAX_FIRST);
  const key = itemKey(kind, id);
  const model = ctx.models.current();
  const ranked = model ? similarItems(model, key, { first: limit * 2, accept: (candidate) => candidate.startsWith(`${kind}:`) }) : [];
  const facts = await factsOf(ctx, [key, ...ranked.map((r) => r.itemKey)]);
  const title = facts.get(key)?.title;
  if (ranked.length === 0 && facts.has(key)) return contentNeighbours(ctx, facts.get(key)!, limit);
  return ranked
    .filter((r) => facts.has(r.itemKey))
    .slice(0, limit)
    .map((r) => ({ ...parseKey(r.itemKey), score: r.score, source: 'ITEM_SIMILARITY', reason: title ? `Often chosen together with “${title}”` : 'Often chosen together' }));
}

async function contentNeighbours(ctx: Pick<Context, 'loaders'>, item: ItemRow, limit: number): Promise<Suggestion[]> {
  const candidates = await ctx.loaders.newItems.load(newItemsKey(item.kind, new Date(0).toISOString()));
  return candidates
    .filter((c) => c.id !== item.id)
    .map((c) => ({ c, overlap: contentOverlap(c, new Set(item.category === null ? [] : [item.category]), new Set(item.tags)) }))
    .filter((m) => m.overlap > 0)
    .sort((a, b) => b.overlap - a.overlap)
    .slice(0, limit)
    .map(({ c, overlap }) => ({ kind: c.kind, id: c.id, score: overlap, source: 'CONTENT' as const, reason: c.category === item.category && c.category ? `Also in ${c.category}` : `Tagged like “${item.title}”` }));
}

/** How well an item's content matches: 1 for a shared category, plus the share of its tags that match. */
function contentOverlap(item: ItemRow, categories: ReadonlySet<string>, tags: ReadonlySet<string>): number {
  return (item.category !== null && categories.has(item.category) ? 1 : 0) + item.tags.filter((t) => tags.has(t)).length / Math.max(1, item.tags.length);
}

async function factsOf(ctx: Pick<Context, 'loaders'>, keys: string[]): Promise<Map<string, ItemRow>> {
  const rows = await ctx.loaders.itemByKey.loadMany(keys);
  return new Map(rows.filter((row): row is ItemRow => row !== null && !(row instanceof Error)).map((row) => [itemKey(row.kind, row.id), row]));
}

function reasonFor(scored: Scored, facts: Map<string, ItemRow>, history: UserHistory, contextCategory: string | undefined): string {
  if (scored.source === 'ITEM_SIMILARITY' && scored.anchor) {
    const anchor = facts.get(scored.anchor)?.title;
    const verb = VERB[history.strongest.get(scored.anchor) ?? 'VIEW'];
    if (anchor) return `Because you ${verb} “${anchor}”`;
  }
  if (scored.source === 'FACTORIZATION') return 'Liked by people whose tastes match yours';
  return contextCategory ? `Popular in ${contextCategory}` : 'Trending now';
}
