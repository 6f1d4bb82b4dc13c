import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgSchema, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

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
    /** Every todo is in a project: the owner's Inbox unless another is chosen. */
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** Optional section of that project; deleting the section leaves the todo in the project. */
    sectionId: uuid('section_id').references(() => sections.id, { onDelete: 'set null' }),
    /** The parent of a subtask (same project); deleting a parent deletes its subtasks. */
    parentId: uuid('parent_id').references((): AnyPgColumn => todos.id, { onDelete: 'cascade' }),
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
    /**
     * The IANA zone its owner was in when the due date or rule was set: the rule repeats in it
     * ("every day at 9am" stays 9am there across daylight saving time). Null (todos from before
     * time zones): UTC.
     */
    timeZone: text('time_zone'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('todos_owner_position_idx').on(t.ownerId, t.position, t.id),
    index('todos_owner_due_at_idx').on(t.ownerId, t.dueAt, t.id),
    index('todos_owner_created_at_idx').on(t.ownerId, t.createdAt, t.id),
    index('todos_project_position_idx').on(t.projectId, t.position, t.id),
    index('todos_parent_idx').on(t.parentId),
    index('todos_tenant_position_idx').on(t.tenantId, t.position, t.id).where(sql`tenant_id is not null`),
    // The last line of defence behind domain validation: these invariants hold whatever code writes.
    check('todos_title_length', sql`char_length(${t.title}) between 1 and 500`),
    check('todos_description_length', sql`char_length(${t.description}) <= 10000`),
    check('todos_priority_range', sql`${t.priority} between 0 and 4`),
    check('todos_completed_iff_done', sql`${t.done} = (${t.completedAt} is not null)`),
    check('todos_recurrence_is_anchored', sql`(${t.recurrence} is null) = (${t.recurrenceAnchor} is null)`),
    check('todos_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    check('todos_recurrence_needs_due_at', sql`${t.recurrence} is null or ${t.dueAt} is not null`),
  ],
);

/**
 * A user's project (Todoist's projects, Vikunja's lists). Each user has exactly one Inbox, made
 * when first needed; it cannot be deleted or shared.
 */
export const projects = todosSchema.table(
  'projects',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    /** "#rrggbb", lower case. */
    color: text('color').notNull(),
    inbox: boolean('inbox').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('projects_owner_idx').on(t.ownerId, t.createdAt, t.id),
    uniqueIndex('projects_one_inbox_per_owner').on(t.ownerId).where(sql`inbox`),
    check('projects_name_length', sql`char_length(${t.name}) between 1 and 120`),
    check('projects_color_hex', sql`${t.color} ~ '^#[0-9a-f]{6}$'`),
  ],
);

/**
 * Who may use a project and how. The owner has a row too (role OWNER), so "may see this project"
 * is one lookup, in the domain and in the row-level security policies alike.
 */
export const projectMembers = todosSchema.table(
  'project_members',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: ['OWNER', 'ADMIN', 'EDITOR', 'VIEWER'] }).notNull(),
    addedAt: instant('added_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.userId] }),
    index('project_members_user_idx').on(t.userId, t.projectId),
    uniqueIndex('project_members_one_owner').on(t.projectId).where(sql`role = 'OWNER'`),
    check('project_members_role', sql`${t.role} in ('OWNER', 'ADMIN', 'EDITOR', 'VIEWER')`),
  ],
);

/** A heading inside a project; todos may sit under one. */
export const sections = todosSchema.table(
  'sections',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: bigint('position', { mode: 'number' }).notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('sections_project_idx').on(t.projectId, t.position, t.id), check('sections_name_length', sql`char_length(${t.name}) between 1 and 120`)],
);

/** A user's own label ("#home"); names are unique per user, ignoring case. */
export const labels = todosSchema.table(
  'labels',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    color: text('color').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('labels_owner_name_key').on(t.ownerId, sql`lower(${t.name})`),
    check('labels_name_format', sql`${t.name} ~ '^[^[:space:]#]{1,60}$'`),
    check('labels_color_hex', sql`${t.color} ~ '^#[0-9a-f]{6}$'`),
  ],
);

export const todoLabels = todosSchema.table(
  'todo_labels',
  {
    todoId: uuid('todo_id')
      .notNull()
      .references(() => todos.id, { onDelete: 'cascade' }),
    labelId: uuid('label_id')
      .notNull()
      .references(() => labels.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.todoId, t.labelId] }), index('todo_labels_label_idx').on(t.labelId, t.todoId)],
);

export const comments = todosSchema.table(
  'comments',
  {
    id: uuid('id').primaryKey(),
    todoId: uuid('todo_id')
      .notNull()
      .references(() => todos.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('comments_todo_idx').on(t.todoId, t.createdAt, t.id), check('comments_body_length', sql`char_length(${t.body}) between 1 and 5000`)],
);

/**
 * A reminder for one user about one todo: at an absolute instant, or `offset_minutes` before the
 * todo's due date (then `fire_at` follows the due date as it moves). The scheduler claims due rows
 * with SKIP LOCKED, so replicas share the work and each reminder fires once.
 */
export const reminders = todosSchema.table(
  'reminders',
  {
    id: uuid('id').primaryKey(),
    todoId: uuid('todo_id')
      .notNull()
      .references(() => todos.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id').notNull(),
    remindAt: instant('remind_at'),
    offsetMinutes: integer('offset_minutes'),
    /** When it fires next; null when it has fired (or its todo has no due date to be relative to). */
    fireAt: instant('fire_at'),
    firedAt: instant('fired_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('reminders_due_idx').on(t.fireAt).where(sql`fire_at is not null`),
    index('reminders_todo_idx').on(t.todoId),
    check('reminders_one_kind', sql`(${t.remindAt} is null) <> (${t.offsetMinutes} is null)`),
    check('reminders_offset_range', sql`${t.offsetMinutes} between 0 and 40320`),
  ],
);

/** A saved filter ("view"): a name and a stored TodoFilter-like definition, per user. */
export const savedFilters = todosSchema.table(
  'saved_filters',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('saved_filters_owner_idx').on(t.ownerId, t.createdAt, t.id), check('saved_filters_name_length', sql`char_length(${t.name}) between 1 and 120`)],
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
export type NewProject = typeof projects.$inferInsert;
export type CompletionRow = typeof todoCompletions.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;
export type ProjectMemberRow = typeof projectMembers.$inferSelect;
export type ProjectRole = ProjectMemberRow['role'];
export type SectionRow = typeof sections.$inferSelect;
export type LabelRow = typeof labels.$inferSelect;
export type CommentRow = typeof comments.$inferSelect;
export type ReminderRow = typeof reminders.$inferSelect;
export type SavedFilterRow = typeof savedFilters.$inferSelect;

/**
 * The users accounts announced (account.registered, account.preferences.changed), with the
 * preferences todos needs: who a project can be shared with, and each user's time zone. A deleted
 * account stays as a tombstone so that a late or replayed registration cannot bring it back.
 */
export const knownUsers = todosSchema.table('known_users', {
  userId: uuid('user_id').primaryKey(),
  timeZone: text('time_zone').notNull(),
  /** When the applied event happened: an older event arriving later changes nothing. */
  changedAt: instant('changed_at').notNull(),
  deletedAt: instant('deleted_at'),
});

export type KnownUserRow = typeof knownUsers.$inferSelect;
