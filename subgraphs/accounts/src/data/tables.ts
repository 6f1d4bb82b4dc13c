import { sql } from 'drizzle-orm';
import { index, integer, pgSchema, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';

/** Everything accounts stores lives in its own PostgreSQL schema. No column defaults: the application owns values. */
export const accounts = pgSchema('accounts');

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const users = accounts.table(
  'users',
  {
    id: uuid('id').primaryKey(),
    /** Normalised (trimmed, NFKC, lower case): the one spelling every alias maps to. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    /** Sign-in attempts since the last success; incremented before the password is checked. */
    failedLoginCount: integer('failed_login_count').notNull(),
    lockedUntil: instant('locked_until'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email), index('users_created_at_id_idx').on(t.createdAt, t.id)],
);

/**
 * Refresh tokens, stored only as SHA-256 hashes. Tokens issued from one sign-in form a family;
 * each use marks the token used and issues its successor, so presenting a used token again means
 * it was stolen (or replayed) and the whole family is revoked.
 */
export const refreshTokens = accounts.table(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey(),
    familyId: uuid('family_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    createdAt: instant('created_at').notNull(),
    usedAt: instant('used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    uniqueIndex('refresh_tokens_token_hash_key').on(t.tokenHash),
    index('refresh_tokens_family_idx').on(t.familyId),
    index('refresh_tokens_active_user_idx').on(t.userId).where(sql`revoked_at is null`),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
