import { z } from 'zod';

export const MAX_TITLE_LENGTH = 200;
export const MAX_BODY_LENGTH = 100_000;

/** Characters as people count them (code points), not UTF-16 units: an emoji is one. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** A one-line title: surrounding space trimmed, no control characters (no line breaks). May be empty. */
export const titleSchema = z
  .string()
  .transform((title) => title.trim())
  .refine((title) => characterCount(title) <= MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`)
  .refine((title) => !/\p{Cc}/u.test(title), 'must be a single line without control characters');

/**
 * Markdown or plain text, kept exactly as written. Tabs and line breaks are text; other control
 * characters are not (and PostgreSQL cannot store NUL at all).
 */
export const bodySchema = z
  .string()
  .refine((body) => body.length <= MAX_BODY_LENGTH * 2 && characterCount(body) <= MAX_BODY_LENGTH, `must be at most ${MAX_BODY_LENGTH} characters`)
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  .refine((body) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(body), 'must not contain control characters other than tabs and line breaks');
