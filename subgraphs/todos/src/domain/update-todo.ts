import { NotFoundError, UserInputError, encodeId, validate, refreshLoaders, written } from '@mosaic/kit';
import type { Context } from '../context';
import { todoAccess } from './todo-access';
import type { NewTodo, TodoRow } from '../data/tables';
import { setTodoLabels } from '../data/labels-repo';
import { rescheduleRelativeReminders } from '../data/reminders-repo';
import { findWritableTodoForUpdate, moveDescendantsToProject, updateTodoRow } from '../data/todos-repo';
import { ownLabels } from './labels';
import { checkPlacement, sectionIn, type CheckedPlacement } from './todo-placement';
import { storedRecurrence } from '@mosaic/recurrence';
import { schedule } from './schedule';
import { timeZoneOf } from './time-zone';
import { updateTodoInput, type UpdateTodoValues } from './todo-input';

/** Changes the given fields of the viewer's todo; nothing is written when the input changes nothing. */
export async function updateTodo(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, todoId: string, input: unknown): Promise<TodoRow> {
  const viewer = ctx.auth.require('todos:write');
  const values = validate(updateTodoInput, input);
  const checked = await checkPlacement(ctx, { projectId: values.projectId, sectionId: values.sectionId });
  const now = ctx.now();
  // The zone of whoever sets the due date or rule: their "9am" is what they meant.
  const timeZone = values.dueAt !== undefined || values.recurrence !== undefined ? await timeZoneOf(ctx, viewer.userId) : null;
  const todo = await ctx.db.run(async (tx) => {
    const current = await findWritableTodoForUpdate(tx, todoAccess(ctx), todoId);
    if (!current) throw new NotFoundError('Todo', encodeId('Todo', todoId));
    if (values.labelIds) await setTodoLabels(tx, viewer.userId, current.id, await ownLabels(tx, viewer.userId, values.labelIds, 'input.labelIds'));
    const changes = { ...changesFor(current, values, now, timeZone), ...placementChanges(current, values, checked) };
    if (changes.projectId) await moveDescendantsToProject(tx, current.id, changes.projectId, now);
    if (changes.dueAt !== undefined && !current.done) await rescheduleRelativeReminders(tx, current.id, changes.dueAt);
    if (Object.keys(changes).length === 0) return current;
    return updateTodoRow(tx, current.id, { ...changes, updatedAt: now });
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.todoById, todo.id, todo));
  return todo;
}

function changesFor(current: TodoRow, values: UpdateTodoValues, now: Date, timeZone: string | null): Partial<NewTodo> {
  const changes: Partial<NewTodo> = {};
  if (values.title !== undefined) changes.title = values.title;
  if (values.description !== undefined) changes.description = values.description;
  if (values.priority !== undefined) changes.priority = values.priority;
  if (values.dueAt !== undefined || values.recurrence !== undefined) {
    // Setting either restarts the series at the (new) due date.
    const rule = values.recurrence !== undefined ? values.recurrence : current.recurrence === null ? null : storedRecurrence(current.recurrence);
    if (rule && values.dueAt === null) {
      throw new UserInputError('input.dueAt: a recurring todo needs a due date; set recurrence to null as well to remove both.', 'input.dueAt');
    }
    Object.assign(changes, schedule(rule, values.dueAt !== undefined ? values.dueAt : current.dueAt, now, timeZone ?? current.timeZone ?? 'UTC'));
  }
  return changes;
}

/** Another project takes the todo out of its parent and section; a section must be in the (new) project. */
function placementChanges(current: TodoRow, values: UpdateTodoValues, checked: CheckedPlacement): Partial<NewTodo> {
  const moving = values.projectId !== undefined && values.projectId !== current.projectId;
  const projectId = moving ? values.projectId! : current.projectId;
  const changes: Partial<NewTodo> = moving ? { projectId, parentId: null, sectionId: null } : {};
  if (values.sectionId !== undefined) changes.sectionId = sectionIn(projectId, checked.section, 'input.sectionId');
  return changes;
}
