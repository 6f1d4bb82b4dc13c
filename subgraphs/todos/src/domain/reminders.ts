import { NotFoundError, UserInputError, encodeId, refreshLoaders, uuidv7, validate, type Db } from '@mosaic/kit';
import { z } from 'zod';
import type { Context } from '../context';
import { deleteOwnReminder, insertReminder, lockDueReminders, markFired } from '../data/reminders-repo';
import type { ReminderRow } from '../data/tables';
import type { TodosOutbox } from '../events';
import { getOwnTodo } from './find-todo';
import { publicId } from './todo-input';

/** Four weeks: the furthest ahead of its due date a relative reminder can be. */
export const MAX_MINUTES_BEFORE = 40_320;

const addReminderInput = z
  .object({
    todoId: publicId('Todo'),
    remindAt: z.string().transform((text) => new Date(text)).nullish(),
    minutesBefore: z.number().int('must be a whole number of minutes').min(0, 'must be 0 or more').max(MAX_MINUTES_BEFORE, `must be at most ${MAX_MINUTES_BEFORE} (four weeks)`).nullish(),
  })
  .refine((r) => (r.remindAt == null) !== (r.minutesBefore == null), { message: 'give exactly one of remindAt and minutesBefore', path: ['remindAt'] });

/**
 * A reminder for the viewer about a todo they can see: at an instant (in the future), or some
 * minutes before the todo's due date (which it then follows as the date moves).
 */
export async function addReminder(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, input: unknown): Promise<ReminderRow> {
  const viewer = ctx.auth.require('todos:write');
  const values = validate(addReminderInput, input);
  const todo = await getOwnTodo(ctx, values.todoId);
  const now = ctx.now();
  if (values.remindAt && values.remindAt <= now) throw new UserInputError('input.remindAt: must be in the future.', 'input.remindAt');
  if (values.minutesBefore != null && (!todo.dueAt || todo.done)) {
    throw new UserInputError('input.minutesBefore: the todo has no due date to count back from (or is done); give it one, or use remindAt.', 'input.minutesBefore');
  }
  const fireAt = values.remindAt ?? new Date(todo.dueAt!.getTime() - values.minutesBefore! * 60_000);
  const reminder = await ctx.db.run((tx) =>
    insertReminder(tx, {
      id: uuidv7(now.getTime()),
      todoId: todo.id,
      ownerId: viewer.userId,
      remindAt: values.remindAt ?? null,
      offsetMinutes: values.minutesBefore ?? null,
      fireAt,
      firedAt: null,
      createdAt: now,
    }),
  );
  refreshLoaders(ctx.loaders);
  return reminder;
}

export async function deleteReminder(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, reminderId: string): Promise<string> {
  const viewer = ctx.auth.require('todos:write');
  if (!(await ctx.db.run((tx) => deleteOwnReminder(tx, viewer.userId, reminderId)))) throw new NotFoundError('Reminder', encodeId('Reminder', reminderId));
  refreshLoaders(ctx.loaders);
  return encodeId('Reminder', reminderId);
}

/**
 * One scheduler step: every due reminder fires once, as a `reminder.due` event in the outbox in
 * the transaction that marks it fired. Replicas run this side by side: SKIP LOCKED hands each
 * reminder to exactly one of them. Batches until none is left.
 */
export async function fireDueReminders(db: Db, events: TodosOutbox, now: Date, batchSize = 100): Promise<ReminderRow[]> {
  const fired: ReminderRow[] = [];
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const done: ReminderRow[] = [];
      for (const due of await lockDueReminders(tx, now, batchSize)) {
        const row = await markFired(tx, due.id, now);
        await events.emit(tx, 'reminder.due', {
          reminderId: row.id,
          todoId: row.todoId,
          ownerId: row.ownerId,
          remindAt: row.remindAt?.toISOString() ?? null,
          offsetMinutes: row.offsetMinutes,
          firedAt: now.toISOString(),
          createdAt: row.createdAt.toISOString(),
        });
        done.push(row);
      }
      return done;
    });
    fired.push(...batch);
    if (batch.length < batchSize) return fired;
  }
}
