import { describe, expect, it } from 'vitest';
import { leakVerdict, linearGrowth, type SoakSample } from '../soak-fit';

const samples = (heap: (minute: number) => number): SoakSample[] =>
  Array.from({ length: 49 }, (_, i) => ({ atSeconds: 120 + i * 10, rssMiB: 200, heapUsedMiB: heap((120 + i * 10) / 60) }));

describe('the soak verdict', () => {
  it('fits the slope per minute and what it adds over the window', () => {
    const growth = linearGrowth(samples((m) => 60 + 0.5 * m), (s) => s.heapUsedMiB);
    expect(growth.slopeMiBPerMinute).toBe(0.5);
    expect(growth.overWindowMiB).toBe(4);
    expect(growth.r2).toBe(1);
    expect(leakVerdict(growth, 3)).toBe('grows');
  });

  it('calls a level that only wobbles, or grows less than the tolerance, no growth', () => {
    const wobble = linearGrowth(samples((m) => 60 + (Math.round(m * 6) % 2 === 0 ? 2 : -2)), (s) => s.heapUsedMiB);
    expect(leakVerdict(wobble, 3)).toBe('no growth');
    const slow = linearGrowth(samples((m) => 60 + 0.1 * m), (s) => s.heapUsedMiB);
    expect(leakVerdict(slow, 3)).toBe('no growth');
  });

  it('needs at least three samples', () => {
    expect(() => linearGrowth(samples(() => 1).slice(0, 2), (s) => s.heapUsedMiB)).toThrow(/at least 3 samples/);
  });
});
