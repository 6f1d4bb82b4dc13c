import type { LinkRow } from '../data/tables';

export type LinkState = 'ACTIVE' | 'EXPIRED' | 'EXHAUSTED' | 'DISABLED';

/** The facts the state depends on: a stored row, or a cached redirect entry. */
export interface StateFacts {
  disabled: boolean;
  expiresAt: number | null;
  maxVisits: number | null;
  visitCount?: number;
}

/** Disabled wins over expired, expired over exhausted: the owner's decision is the one to show. */
export function stateOf(facts: StateFacts, now: number): LinkState {
  if (facts.disabled) return 'DISABLED';
  if (facts.expiresAt !== null && facts.expiresAt <= now) return 'EXPIRED';
  if (facts.maxVisits !== null && facts.visitCount !== undefined && facts.visitCount >= facts.maxVisits) return 'EXHAUSTED';
  return 'ACTIVE';
}

export const rowFacts = (row: LinkRow): StateFacts => ({
  disabled: row.disabledAt !== null,
  expiresAt: row.expiresAt?.getTime() ?? null,
  maxVisits: row.maxVisits,
  visitCount: row.visitCount,
});
