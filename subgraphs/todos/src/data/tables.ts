import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, pgSchema, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Everything todos stores lives in its own PostgreSQL schema. No column defaults: the application owns values. */
export const todosSchema = pgSchema('todos');

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const todos = todosSchema.table(
  'todos',
  {
    id: uuid('id').primaryKey(),
    /** Raw accounts user id; users are federation entities, so there is no foreign key across subgraphs. */
    ownerId: uuid('owner_id').notNull(),
    /**
     * The organisation the todo is shared with (raw tenancy id), or null for a personal todo only
     * its owner sees. Row-level security (migration 0002) enforces both, from the request's token.
     */
    tenantId: uuid('tenant_id'),
    title: text('title').notNull(),
    description: text('description'),
    done: boolean('done').notNull(),
    completedAt: instant('completed_at'),
    dueAt: instant('due_at'),
    /** 0 = NONE … 4 = URGENT, so ordering by priority is ordering by this number. */
    priority: smallint('priority').notNull(),
    /** Manual order within the owner's list; gaps between neighbours leave room for moves (see domain/positions.ts). */
    position: bigint('position', { mode: 'number' }).notNull(),
    /** Normalised RFC 5545 RRULE, e.g. "FREQ=WEEKLY;BYDAY=MO". */
    recurrence: text('recurrence'),
    /** The series' first occurrence (its DTSTART). Kept while dueAt rolls forward, so COUNT stays exact. */
    recurrenceAnchor: instant('recurrence_anchor'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('todos_owner_position_idx').on(t.ownerId, t.position, t.id),
    index('todos_owner_due_at_idx').on(t.ownerId, t.dueAt, t.id),
    index('todos_owner_created_at_idx').on(t.ownerId, t.createdAt, t.id),
    index('todos_tenant_position_idx').on(t.tenantId, t.position, t.id).where(sql`tenant_id is not null`),
    // The last line of defence behind domain validation: these invariants hold whatever code writes.
    check('todos_title_length', sql`char_length(${t.title}) between 1 and 500`),
    check('todos_description_length', sql`char_length(${t.description}) <= 10000`),
    check('todos_priority_range', sql`${t.priority} between 0 and 4`),
    check('todos_completed_iff_done', sql`${t.done} = (${t.completedAt} is not null)`),
    check('todos_recurrence_is_anchored', sql`(${t.recurrence} is null) = (${t.recurrenceAnchor} is null)`),
    check('todos_recurrence_needs_due_at', sql`${t.recurrence} is null or ${t.dueAt} is not null`),
  ],
);

/**
 * One row per completion: completing a recurring todo rolls it to its next occurrence, so this log
 * is where the finished occurrences are remembered.
 */
export const todoCompletions = todosSchema.table(
  'todo_completions',
  {
    id: uuid('id').primaryKey(),
    todoId: uuid('todo_id')
      .notNull()
      .references(() => todos.id, { onDelete: 'cascade' }),
    /** The due date of the occurrence that was completed (null for an undated todo). */
    dueAt: instant('due_at'),
    completedAt: instant('completed_at').notNull(),
  },
  (t) => [index('todo_completions_todo_idx').on(t.todoId, t.completedAt, t.id)],
);

export type TodoRow = typeof todos.$inferSelect;
export type NewTodo = typeof todos.$inferInsert;
export type CompletionRow = typeof todoCompletions.$inferSelect;
