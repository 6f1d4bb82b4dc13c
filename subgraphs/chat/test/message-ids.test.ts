import { describe, expect, it } from 'vitest';
import { nextMessageId, successor } from '../src/domain/message-ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('message ids', () => {
  it('are uuidv7 for the current time when the clock moves forward', () => {
    const first = nextMessageId(null, new Date('2026-01-01T00:00:00.000Z'));
    const second = nextMessageId(first, new Date('2026-01-01T00:00:00.001Z'));
    expect(first).toMatch(UUID_V7);
    expect(second > first).toBe(true);
    // The first 48 bits are the millisecond timestamp.
    const millis = (Date.parse('2026-01-01T00:00:00.001Z')).toString(16).padStart(12, '0');
    expect(second.replace('-', '').slice(0, 12)).toBe(millis);
  });

  it('stay strictly increasing within one millisecond and when the clock goes back', () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    let previous = nextMessageId(null, at);
    for (let i = 0; i < 1000; i++) {
      const next = nextMessageId(previous, i % 2 ? at : new Date(at.getTime() - 60_000));
      expect(next > previous).toBe(true);
      expect(next).toMatch(UUID_V7);
      previous = next;
    }
  });

  it('count up through the random bits, carrying into the next field, keeping version and variant', () => {
    expect(successor('019b7673-3800-7000-8000-000000000000')).toBe('019b7673-3800-7000-8000-000000000001');
    expect(successor('019b7673-3800-7000-bfff-ffffffffffff')).toBe('019b7673-3800-7001-8000-000000000000');
    expect(successor('019b7673-3800-7fff-bfff-ffffffffffff')).toBe('019b7673-3801-7000-8000-000000000000');
  });
});
