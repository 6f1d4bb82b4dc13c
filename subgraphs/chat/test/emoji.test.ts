import { describe, expect, it } from 'vitest';
import { isSingleEmoji } from '../src/domain/emoji';

describe('reaction emoji', () => {
  it.each(['👍', '👍🏽', '❤️', '❤', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇫🇷', '1️⃣', '🎉'])('accepts %s', (emoji) => {
    expect(isSingleEmoji(emoji)).toBe(true);
  });

  it.each(['', 'a', '1', '#', ':+1:', '👍👍', '👍 ', 'ok👍', '🇫', 'x'.repeat(40)])('refuses %j', (value) => {
    expect(isSingleEmoji(value)).toBe(false);
  });
});
