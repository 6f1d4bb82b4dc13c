import type { WeightedCell } from './dataset';

/** What a user did with an item, as the recommenders see it. */
export type InteractionKind = 'VIEW' | 'READ' | 'CART_ADD' | 'LIKE' | 'PURCHASE' | 'RATING';

/**
 * How strongly each kind says "I want this": a purchase outweighs a like, a like a view. Ratings
 * (1–5) count by how far they sit above neutral; 3 and below say nothing positive.
 */
export const KIND_WEIGHTS: Record<InteractionKind, number> = { VIEW: 1, READ: 2, CART_ADD: 3, LIKE: 4, PURCHASE: 6, RATING: 2 };

export function interactionWeight(kind: InteractionKind, rating: number | null): number {
  if (kind === 'RATING') return Math.max(0, (rating ?? 3) - 3) * KIND_WEIGHTS.RATING;
  return KIND_WEIGHTS[kind];
}

export const DAY_MS = 86_400_000;

/** Exponential time decay: an interaction `halfLifeDays` old counts half. */
export const decayed = (weight: number, occurredAt: Date, now: Date, halfLifeDays: number) => weight * 0.5 ** (Math.max(0, now.getTime() - occurredAt.getTime()) / DAY_MS / halfLifeDays);

export interface Behaviour {
  userId: string;
  itemKey: string;
  kind: InteractionKind;
  rating: number | null;
  occurredAt: Date;
}

/** Behaviour → matrix cells as of `now`. */
export function* toCells(behaviour: Iterable<Behaviour>, now: Date, halfLifeDays: number): Iterable<WeightedCell> {
  for (const b of behaviour) yield { userId: b.userId, itemKey: b.itemKey, weight: decayed(interactionWeight(b.kind, b.rating), b.occurredAt, now, halfLifeDays) };
}
