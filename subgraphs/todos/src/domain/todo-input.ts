import { z } from 'zod';
import type { TodoFilterValues } from '../data/todo-filters';
import { PRIORITIES, priorityRank } from './priority';
import { parseRecurrence } from '@mosaic/recurrence';
import { decodeId } from '@mosaic/kit';

/**
 * Lengths count characters (code points) the way PostgreSQL's char_length does — the table's
 * CHECK constraints use it — not UTF-16 units, so an emoji counts once on both sides.
 */
const characters = (text: string) => [...text].length;

/** NUL cannot be stored in PostgreSQL text at all; other control characters only garble display. */
/** Control characters other than tab, line feed and carriage return. */
const CONTROL_EXCEPT_WHITESPACE = /[^\P{Cc}\t\n\r]/u;
const ANY_LINE_BREAK_OR_CONTROL = /[\p{Cc}\u2028\u2029]/u;

export const TITLE_MAX = 500;
export const DESCRIPTION_MAX = 10_000;
const SEARCH_MAX = 200;

/** The earliest and latest due dates accepted: far beyond any to-do, well inside what rrule and PostgreSQL handle. */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9000, 0, 1);

const title = z
  .string({ error: 'must be a string; a todo always has a title' })
  .trim()
  .refine((text) => characters(text) >= 1, 'must not be empty')
  .refine((text) => characters(text) <= TITLE_MAX, `must be at most ${TITLE_MAX} characters`)
  .refine((text) => !ANY_LINE_BREAK_OR_CONTROL.test(text), 'must be one line without control characters');

/** An empty description is stored as none. */
const description = z
  .string()
  .refine((text) => characters(text) <= DESCRIPTION_MAX, `must be at most ${DESCRIPTION_MAX.toLocaleString('en')} characters`)
  .refine((text) => !CONTROL_EXCEPT_WHITESPACE.test(text), 'must not contain control characters other than tabs and line breaks')
  .transform((text) => (text.length === 0 ? null : text));

/** The DateTime scalar has already checked the format; this bounds the range. */
const instant = z
  .string()
  .transform((text) => new Date(text))
  .refine((date) => date.getTime() >= EARLIEST && date.getTime() < LATEST, 'must be between 1970 and 9000');

const priority = z.enum(PRIORITIES, { error: 'must be one of NONE, LOW, MEDIUM, HIGH, URGENT (NONE for no priority)' }).transform(priorityRank);

const recurrence = z.string().transform((text, ctx) => {
  const result = parseRecurrence(text);
  if (result.ok) return result.rule;
  ctx.addIssue({ code: 'custom', message: result.problem });
  return z.NEVER;
});

const search = z
  .string()
  .trim()
  .refine((text) => characters(text) >= 1 && characters(text) <= SEARCH_MAX, `must be 1 to ${SEARCH_MAX} characters`)
  .refine((text) => !ANY_LINE_BREAK_OR_CONTROL.test(text), 'must not contain control characters');

/** An opaque public id of `type`, decoded to the raw id (a wrong kind or garbage is reported at its field). */
export const publicId = (type: string) =>
  z.string().transform((text, ctx) => {
    try {
      return decodeId(type, text);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${text.slice(0, 64)}" is not a valid ${type} ID` });
      return z.NEVER;
    }
  });

export const createTodoInput = z.object({
  title,
  description: description.nullish(),
  dueAt: instant.nullish(),
  priority: priority.optional(),
  recurrence: recurrence.nullish(),
  shared: z.boolean().nullish(),
  projectId: publicId('Project').nullish(),
  sectionId: publicId('Section').nullish(),
  parentId: publicId('Todo').nullish(),
  labelIds: z.array(publicId('Label')).nullish(),
});
export type CreateTodoValues = z.output<typeof createTodoInput>;

/** Omitted (undefined) keeps a field; null clears it — allowed only where the field is nullable. */
export const updateTodoInput = z.object({
  title: title.optional(),
  description: description.nullable().optional(),
  dueAt: instant.nullable().optional(),
  priority: priority.optional(),
  recurrence: recurrence.nullable().optional(),
  projectId: publicId('Project').optional(),
  sectionId: publicId('Section').nullable().optional(),
  labelIds: z.array(publicId('Label')).optional(),
});
export type UpdateTodoValues = z.output<typeof updateTodoInput>;

/** GraphQL gives null for a condition sent as null; both null and absent mean "do not filter". */
export const todoFilterInput = z
  .object({
    done: z.boolean().nullish(),
    dueBefore: instant.nullish(),
    dueAfter: instant.nullish(),
    priority: z.array(priority).nullish(),
    search: search.nullish(),
    overdue: z.boolean().nullish(),
    projectId: publicId('Project').nullish(),
    sectionId: publicId('Section').nullish(),
    labelId: publicId('Label').nullish(),
  })
  .refine((f) => !f.dueBefore || !f.dueAfter || f.dueAfter < f.dueBefore, { message: 'must be before dueBefore', path: ['dueAfter'] })
  .transform(
    (f): TodoFilterValues => ({
      ...(f.done != null ? { done: f.done } : {}),
      ...(f.dueBefore ? { dueBefore: f.dueBefore } : {}),
      ...(f.dueAfter ? { dueAfter: f.dueAfter } : {}),
      ...(f.priority ? { priorities: [...new Set(f.priority)].sort((a, b) => a - b) } : {}),
      ...(f.search ? { search: f.search } : {}),
      ...(f.overdue != null ? { overdue: f.overdue } : {}),
      ...(f.projectId ? { projectId: f.projectId } : {}),
      ...(f.sectionId ? { sectionId: f.sectionId } : {}),
      ...(f.labelId ? { labelId: f.labelId } : {}),
    }),
  );
