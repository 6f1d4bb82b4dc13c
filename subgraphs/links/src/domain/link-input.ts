import { z } from 'zod';
import { ALIAS_PATTERN, isReserved } from './codes';
import { checkTargetUrl, type UrlPolicy } from './target-url';

const characters = (text: string) => [...text].length;
const LINE_BREAK_OR_CONTROL = /[\p{Cc}\u2028\u2029]/u;

export const TITLE_MAX = 300;
export const TAGS_MAX = 20;
export const TAG_MAX = 50;
export const PASSWORD_MIN = 4;
export const PASSWORD_MAX = 200;
export const MAX_VISITS_LIMIT = 1_000_000_000;
const SEARCH_MAX = 200;

export type RedirectType = 'PERMANENT' | 'TEMPORARY';
export const redirectStatusOf = (type: RedirectType) => (type === 'PERMANENT' ? 301 : 302);

const url = (policy: UrlPolicy) =>
  z.string().transform((text, ctx) => {
    const checked = checkTargetUrl(text, policy);
    if (checked.ok) return checked.href;
    ctx.addIssue({ code: 'custom', message: checked.problem });
    return z.NEVER;
  });

const alias = z
  .string()
  .trim()
  .refine((text) => ALIAS_PATTERN.test(text), 'must be 3 to 64 letters, digits, "-" or "_"')
  .refine((text) => !isReserved(text), 'is a reserved word; choose another alias');

const title = z
  .string()
  .trim()
  .refine((text) => characters(text) <= TITLE_MAX, `must be at most ${TITLE_MAX} characters`)
  .refine((text) => !LINE_BREAK_OR_CONTROL.test(text), 'must be one line without control characters')
  .transform((text) => (text.length === 0 ? null : text));

const tags = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .refine((tag) => characters(tag) >= 1 && characters(tag) <= TAG_MAX, `each must be 1 to ${TAG_MAX} characters`)
      .refine((tag) => !LINE_BREAK_OR_CONTROL.test(tag), 'must not contain control characters'),
  )
  .max(TAGS_MAX, `at most ${TAGS_MAX} tags`)
  .transform((list) => [...new Set(list)].sort());

const futureInstant = (now: Date) =>
  z
    .string()
    .transform((text) => new Date(text))
    .refine((date) => date.getTime() > now.getTime(), 'must be in the future')
    .refine((date) => date.getTime() < Date.UTC(9000, 0, 1), 'must be before the year 9000');

const maxVisits = z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_VISITS_LIMIT, `must be at most ${MAX_VISITS_LIMIT.toLocaleString('en')}`);

const password = z
  .string()
  .refine((text) => characters(text) >= PASSWORD_MIN && characters(text) <= PASSWORD_MAX, `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`);

const redirectType = z.enum(['PERMANENT', 'TEMPORARY']);

export function shortenInput(policy: UrlPolicy, now: Date) {
  return z.object({
    url: url(policy),
    alias: alias.nullish(),
    title: title.nullish(),
    tags: tags.nullish(),
    expiresAt: futureInstant(now).nullish(),
    maxVisits: maxVisits.nullish(),
    password: password.nullish(),
    redirectType: redirectType.nullish(),
  });
}
export type ShortenValues = z.output<ReturnType<typeof shortenInput>>;

/** Fields of UpdateLinkInput a link always has: null cannot clear them. */
const NOT_NULLABLE = ['url', 'tags', 'redirectType', 'disabled'] as const;

/** Omitted (undefined) keeps a field; null clears it — only where the field is nullable. */
export function updateInput(policy: UrlPolicy, now: Date) {
  return z.preprocess(
    (input, ctx) => {
      for (const field of NOT_NULLABLE) {
        if ((input as Record<string, unknown> | null)?.[field] === null) ctx.addIssue({ code: 'custom', path: [field], message: 'cannot be null; omit it to keep the current value' });
      }
      return input;
    },
    z.object({
      url: url(policy).optional(),
      title: title.nullable().optional(),
      tags: tags.optional(),
      expiresAt: futureInstant(now).nullable().optional(),
      maxVisits: maxVisits.nullable().optional(),
      password: password.nullable().optional(),
      redirectType: redirectType.optional(),
      disabled: z.boolean().optional(),
    }),
  );
}
export type UpdateValues = z.output<ReturnType<typeof updateInput>>;

export const linkFilterInput = z
  .object({
    search: z
      .string()
      .trim()
      .refine((text) => characters(text) >= 1 && characters(text) <= SEARCH_MAX, `must be 1 to ${SEARCH_MAX} characters`)
      .nullish(),
    tag: z.string().trim().toLowerCase().min(1, 'must not be empty').max(TAG_MAX, `must be at most ${TAG_MAX} characters`).nullish(),
    state: z.enum(['ACTIVE', 'EXPIRED', 'EXHAUSTED', 'DISABLED']).nullish(),
  })
  .nullish();
export type LinkFilterValues = NonNullable<z.output<typeof linkFilterInput>>;
