import { z } from 'zod';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * A pictographic emoji (with skin tones, ZWJ sequences, variation selectors), a flag (two regional
 * indicators) or a keycap. Digits and letters alone are not emoji, even though Unicode gives some
 * of them the Emoji property.
 */
const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}{2}|[0-9#*]\uFE0F?\u20E3)/u;

/** Longest ZWJ sequences in use (families, flags of subdivisions) are about 15 code units. */
const MAX_EMOJI_UNITS = 32;

export function isSingleEmoji(value: string): boolean {
  if (value.length === 0 || value.length > MAX_EMOJI_UNITS) return false;
  const segments = [...graphemes.segment(value)];
  return segments.length === 1 && EMOJI.test(value);
}

/** Stored and compared exactly as sent: "👍" and "👍🏽" are different reactions. */
export const emojiSchema = z.string().refine(isSingleEmoji, 'must be a single emoji, e.g. "👍"');
