import { z } from 'zod';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './content/slugs';

export const MAX_TAGS = 10;

const title = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const body = z.string().max(200_000, 'must be at most 200000 characters');
const slug = z.string().trim().toLowerCase().max(SLUG_MAX_LENGTH, `must be at most ${SLUG_MAX_LENGTH} characters`).regex(SLUG_PATTERN, 'must be lower-case letters and digits joined by single hyphens, e.g. "my-first-post"');
const excerpt = z.string().trim().max(500, 'must be at most 500 characters');
const tags = z
  .array(z.string().trim().toLowerCase().min(1, 'must not be empty').max(40, 'must be at most 40 characters'))
  .max(MAX_TAGS, `at most ${MAX_TAGS} tags`)
  .transform((list) => [...new Set(list)]);
/** Only http(s): a cover image is shown in pages and feeds, where other schemes are a risk. */
const imageUrl = z
  .string()
  .trim()
  .max(2_000, 'must be at most 2000 characters')
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

export const createPostInput = z.object({
  title,
  bodyMarkdown: body,
  slug: slug.nullish(),
  excerpt: excerpt.nullish(),
  tags: tags.nullish(),
  coverImageUrl: imageUrl.nullish(),
});

export const updatePostInput = z.object({
  title: title.nullish(),
  bodyMarkdown: body.nullish(),
  slug: slug.nullish(),
  excerpt: excerpt.nullable().optional(),
  tags: tags.nullish(),
  coverImageUrl: imageUrl.nullable().optional(),
  expectedRevision: z.number().int().min(1).nullish(),
});

export type CreatePostInput = z.output<typeof createPostInput>;
export type UpdatePostInput = z.output<typeof updatePostInput>;
