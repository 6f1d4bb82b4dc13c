import { z } from 'zod';
import { defineEvents, event, type Outbox } from '@mosaic/kit';

/**
 * The events todos publishes (exchange `mosaic.todos`). Raw ids, inside the platform. A reminder's
 * events are ordered per todo.
 */
export const todoEvents = defineEvents('todos', {
  /** A reminder came due: its owner's `reminders` subscriptions are told (todos consumes this itself). */
  'reminder.due': event({
    version: 1,
    schema: z.object({
      reminderId: z.string().uuid(),
      todoId: z.string().uuid(),
      ownerId: z.string().uuid(),
      remindAt: z.iso.datetime().nullable(),
      offsetMinutes: z.number().int().nullable(),
      firedAt: z.iso.datetime(),
      createdAt: z.iso.datetime(),
    }),
    aggregateId: (p) => p.todoId,
  }),
});

export type TodosOutbox = Outbox<typeof todoEvents>;
