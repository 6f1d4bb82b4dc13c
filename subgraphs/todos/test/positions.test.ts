import { describe, expect, it } from 'vitest';
import { POSITION_GAP, positionAfterLast, positionBetween } from '../src/domain/positions';

describe('positionBetween', () => {
  it('takes the midpoint between neighbours', () => {
    expect(positionBetween(0, 10)).toBe(5);
    expect(positionBetween(POSITION_GAP, 2 * POSITION_GAP)).toBe(1.5 * POSITION_GAP);
    expect(positionBetween(-7, -3)).toBe(-5);
  });

  it('extends past either end, and starts an empty list at one gap', () => {
    expect(positionBetween(null, POSITION_GAP)).toBe(0);
    expect(positionBetween(POSITION_GAP, null)).toBe(2 * POSITION_GAP);
    expect(positionBetween(null, null)).toBe(POSITION_GAP);
  });

  it('asks for renumbering when no integer is left between neighbours', () => {
    expect(positionBetween(4, 5)).toBeNull();
    expect(positionBetween(4, 4)).toBeNull();
    expect(positionBetween(4, 6)).toBe(5);
  });

  it('a fresh gap takes 16 moves into the same spot before renumbering is needed', () => {
    const low = 0;
    let high = POSITION_GAP;
    let moves = 0;
    for (let position = positionBetween(low, high); position !== null; position = positionBetween(low, high)) {
      high = position;
      moves++;
    }
    expect(moves).toBe(16);
    expect(low).toBe(0);
  });

  it('appends after the last position', () => {
    expect(positionAfterLast(null)).toBe(POSITION_GAP);
    expect(positionAfterLast(3 * POSITION_GAP)).toBe(4 * POSITION_GAP);
  });
});
