import { encodeId } from '@mosaic/kit';
import { findOwnTodo } from '../domain/find-todo';
import type { ReminderResolvers } from '../resolvers.generated';

export const Reminder: ReminderResolvers = {
  id: (reminder) => encodeId('Reminder', reminder.id),
  todo: (reminder, _args, ctx) => findOwnTodo(ctx, reminder.todoId),
  minutesBefore: (reminder) => reminder.offsetMinutes,
};
