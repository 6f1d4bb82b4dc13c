import { NotFoundError, UserInputError, encodeId, refreshLoaders, written } from '@mosaic/kit';
import type { Context } from '../context';
import { findWritableTodoForUpdate, isSelfOrDescendant, moveDescendantsToProject, updateTodoRow } from '../data/todos-repo';
import type { TodoRow } from '../data/tables';
import { todoAccess } from './todo-access';
import { writableParent } from './todo-placement';

/**
 * Makes a todo a subtask of another (it moves into the parent's project, with its own subtasks),
 * or top-level again with null. Refused when the new parent is the todo itself or one of its
 * descendants: that would cut the subtree off into a cycle.
 */
export async function setTodoParent(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, todoId: string, parentId: string | null): Promise<TodoRow> {
  ctx.auth.require('todos:write');
  const now = ctx.now();
  const todo = await ctx.db.run(async (tx) => {
    const current = await findWritableTodoForUpdate(tx, todoAccess(ctx), todoId);
    if (!current) throw new NotFoundError('Todo', encodeId('Todo', todoId));
    if (parentId === null) return current.parentId === null ? current : updateTodoRow(tx, current.id, { parentId: null, updatedAt: now });
    if (await isSelfOrDescendant(tx, current.id, parentId)) {
      throw new UserInputError('parentId: a todo cannot become a subtask of itself or of one of its own subtasks; pick a todo outside its subtree.', 'parentId');
    }
    const parent = await writableParent(ctx, tx, parentId, 'parentId');
    if (parent.tenantId !== current.tenantId) throw new UserInputError('parentId: a subtask shares its parent\'s organisation; both must be personal or both shared.', 'parentId');
    if (parent.projectId !== current.projectId) await moveDescendantsToProject(tx, current.id, parent.projectId, now);
    return updateTodoRow(tx, current.id, {
      parentId: parent.id,
      projectId: parent.projectId,
      ...(parent.projectId !== current.projectId ? { sectionId: parent.sectionId } : {}),
      updatedAt: now,
    });
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.todoById, todo.id, todo));
  return todo;
}
