import { z } from 'zod';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
/** A request may spell the same tag many times; anything longer than this is abuse, not duplicates. */
const MAX_RAW_TAGS = 100;

/** Letters and marks of any script, digits, '-' and '_'; no spaces, so a tag is one search word. */
const TAG_PATTERN = /^[\p{L}\p{M}\p{N}_-]+$/u;

/**
 * One tag in its stored spelling: NFKC (so full-width and ligature forms collapse), trimmed,
 * lower case. Lengths count characters (code points), as people do.
 */
export const tagSchema = z
  .string()
  .transform((raw) => raw.normalize('NFKC').trim().toLowerCase())
  .refine((tag) => tag.length > 0, 'a tag must not be empty')
  .refine((tag) => [...tag].length <= MAX_TAG_LENGTH, `a tag must be at most ${MAX_TAG_LENGTH} characters`)
  .refine((tag) => TAG_PATTERN.test(tag), 'a tag may contain only letters, digits, "-" and "_"');

/** Tags as stored: each normalised, duplicates dropped (first spelling wins), at most MAX_TAGS. */
export const tagListSchema = z
  .array(tagSchema)
  .max(MAX_RAW_TAGS, `at most ${MAX_TAGS} tags`)
  .transform(unique)
  .refine((tags) => tags.length <= MAX_TAGS, `at most ${MAX_TAGS} tags`);

export function unique(tags: readonly string[]): string[] {
  return [...new Set(tags)];
}

/** `current` plus `added`, keeping the order tags were first added in. */
export const withTags = (current: readonly string[], added: readonly string[]): string[] => unique([...current, ...added]);

export const withoutTags = (current: readonly string[], removed: readonly string[]): string[] => {
  const drop = new Set(removed);
  return current.filter((tag) => !drop.has(tag));
};
