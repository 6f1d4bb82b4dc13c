/**
 * Manual order uses integer positions with gaps: a new todo goes POSITION_GAP after the last one,
 * and a moved todo takes the midpoint between its new neighbours, so a move rewrites one row.
 * When two neighbours have no integer left between them, the owner's list is renumbered (every
 * position = rank × POSITION_GAP) and the move retried; with a gap of 2^16 that takes about 16
 * moves into the very same spot. Writers hold a per-owner lock (todos-repo `lockOwnerPositions`),
 * so positions stay unique; ties would still order deterministically by id.
 */
export const POSITION_GAP = 65_536;

/**
 * A position strictly between `before` and `after` (either may be missing: the top or the end of
 * the list), or null when there is no room and the list must be renumbered first.
 */
export function positionBetween(before: number | null, after: number | null): number | null {
  if (before === null) return after === null ? POSITION_GAP : after - POSITION_GAP;
  if (after === null) return before + POSITION_GAP;
  if (after - before < 2) return null;
  return before + Math.floor((after - before) / 2);
}

/** The position for a todo appended after the current last one. */
export function positionAfterLast(last: number | null): number {
  return (last ?? 0) + POSITION_GAP;
}
