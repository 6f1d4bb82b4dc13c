import { UserInputError, uuidv7, validate } from '@mosaic/kit';
import { z } from 'zod';
import type { Context } from '../../context';
import { findLabelsByName, insertLabel } from '../../data/labels-repo';
import type { TodoRow } from '../../data/tables';
import { createTodoFrom } from '../create-todo';
import { priorityRank } from '../priority';
import { DEFAULT_COLOR, labelName } from '../project-input';
import { timeZoneOf } from '../time-zone';
import { parseQuickAdd, type QuickAddParse } from './parse-quick-add';

export const QUICK_ADD_MAX = 1_000;

const quickAddText = z
  .string()
  .trim()
  .refine((text) => [...text].length >= 1 && [...text].length <= QUICK_ADD_MAX, `must be 1 to ${QUICK_ADD_MAX.toLocaleString('en')} characters`)
  .refine((text) => !/[\p{Cc}\u2028\u2029]/u.test(text), 'must be one line without control characters');

export interface QuickAddPreview extends QuickAddParse {
  newLabels: string[];
  timeZone: string;
}

function parse(ctx: Pick<Context, 'now'>, text: unknown, timeZone: string): QuickAddParse {
  const result = parseQuickAdd(validate(quickAddText, text, 'text'), ctx.now(), timeZone);
  if (!result.ok) throw new UserInputError(`text: ${result.problem}.`, 'text');
  for (const name of result.parse.labels) {
    const checked = labelName.safeParse(name);
    if (!checked.success) throw new UserInputError(`text: #${name.slice(0, 60)} ${checked.error.issues[0]!.message}.`, 'text');
  }
  return result.parse;
}

/** What `text` would become, and which of its labels would be new; nothing is written. */
export async function previewQuickAdd(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, text: unknown): Promise<QuickAddPreview> {
  const viewer = ctx.auth.require('todos:read');
  const timeZone = await timeZoneOf(ctx, viewer.userId);
  const parsed = parse(ctx, text, timeZone);
  const existing = await ctx.db.run((tx) => findLabelsByName(tx, viewer.userId, parsed.labels));
  const known = new Set(existing.map((label) => label.name.toLowerCase()));
  return { ...parsed, newLabels: parsed.labels.filter((name) => !known.has(name.toLowerCase())), timeZone };
}

/** Saves what the preview shows: the todo, with its labels (missing ones are created in the same transaction). */
export async function quickAddTodo(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, text: unknown, projectId: string | null): Promise<TodoRow> {
  const viewer = ctx.auth.require('todos:write');
  const parsed = parse(ctx, text, await timeZoneOf(ctx, viewer.userId));
  const now = ctx.now();
  return createTodoFrom(
    ctx,
    {
      title: parsed.title,
      dueAt: parsed.dueAt,
      recurrence: parsed.recurrence,
      ...(parsed.priority ? { priority: priorityRank(parsed.priority) } : {}),
      projectId,
    },
    async (tx) => {
      const existing = await findLabelsByName(tx, viewer.userId, parsed.labels);
      const ids = existing.map((label) => label.id);
      for (const name of parsed.labels.filter((wanted) => !existing.some((label) => label.name.toLowerCase() === wanted.toLowerCase()))) {
        ids.push((await insertLabel(tx, { id: uuidv7(now.getTime()), ownerId: viewer.userId, name, color: DEFAULT_COLOR, createdAt: now })).id);
      }
      return ids;
    },
  );
}
