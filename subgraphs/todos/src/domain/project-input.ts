import { z } from 'zod';

const characters = (text: string) => [...text].length;
const LINE_BREAK_OR_CONTROL = /[\p{Cc}\u2028\u2029]/u;
export const DEFAULT_COLOR = '#808080';

/** A one-line name of 1 to `max` characters; surrounding space trimmed. */
export const oneLineName = (max: number) =>
  z
    .string()
    .trim()
    .refine((text) => characters(text) >= 1, 'must not be empty')
    .refine((text) => characters(text) <= max, `must be at most ${max} characters`)
    .refine((text) => !LINE_BREAK_OR_CONTROL.test(text), 'must be one line without control characters');

/** "#rrggbb" in any case, stored lower case. */
export const color = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as "#rrggbb", e.g. "#db4035"')
  .transform((text) => text.toLowerCase());

export const PROJECT_NAME_MAX = 120;
export const LABEL_NAME_MAX = 60;
export const COMMENT_MAX = 5_000;

export const createProjectInput = z.object({ name: oneLineName(PROJECT_NAME_MAX), color: color.nullish() });
export const updateProjectInput = z.object({ name: oneLineName(PROJECT_NAME_MAX).optional(), color: color.optional() });

/** What quick add's `#word` and the table's CHECK accept: no spaces, no '#'. */
export const labelName = z
  .string()
  .trim()
  .refine((text) => characters(text) >= 1 && characters(text) <= LABEL_NAME_MAX, `must be 1 to ${LABEL_NAME_MAX} characters`)
  .refine((text) => !/[\s#]/u.test(text) && !LINE_BREAK_OR_CONTROL.test(text), 'must be one word without spaces or "#" (e.g. "home")');

export const labelInput = z.object({ name: labelName, color: color.nullish() });

export const commentBody = z
  .string()
  .trim()
  .refine((text) => characters(text) >= 1, 'must not be empty')
  .refine((text) => characters(text) <= COMMENT_MAX, `must be at most ${COMMENT_MAX.toLocaleString('en')} characters`)
  .refine((text) => !/[^\P{Cc}\t\n\r]/u.test(text), 'must not contain control characters other than tabs and line breaks');

export const sectionName = oneLineName(PROJECT_NAME_MAX);
