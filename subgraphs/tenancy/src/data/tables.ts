import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Everything tenancy stores lives in its own PostgreSQL schema. No column defaults: the application
 * owns values. These tables are the directory of tenants — read across organisations by design (a
 * user's memberships everywhere, an invitation by its token) — so the domain guards them, not
 * row-level security; the tenant-scoped data of other subgraphs is what RLS isolates.
 */
export const tenancySchema = pgSchema('tenancy');

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const organizations = tenancySchema.table(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** Lower-case letters, digits and dashes; unique across Mosaic (URLs, sign-in hints). */
    slug: text('slug').notNull(),
    /** The plan's code (domain/plans.ts); what quotas apply. */
    plan: text('plan').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('organizations_slug_key').on(t.slug),
    check('organizations_name_length', sql`char_length(${t.name}) between 1 and 200`),
    check('organizations_slug_shape', sql`${t.slug} ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'`),
  ],
);

/** Who belongs to which organisation, with which role; an organisation always keeps at least one owner (domain rule). */
export const memberships = tenancySchema.table(
  'memberships',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Raw accounts user id; users are federation entities, so there is no foreign key across subgraphs. */
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    joinedAt: instant('joined_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId] }),
    index('memberships_user_idx').on(t.userId, t.joinedAt),
    check('memberships_role', sql`${t.role} in ('owner', 'admin', 'member', 'billing')`),
  ],
);

/** An invitation by email: only the SHA-256 of its token is kept; it works once, until it expires. */
export const invitations = tenancySchema.table(
  'invitations',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Lower-cased. */
    email: text('email').notNull(),
    role: text('role').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    acceptedAt: instant('accepted_at'),
    acceptedBy: uuid('accepted_by'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
    // One open invitation per address and organisation; accepted and revoked ones are history.
    uniqueIndex('invitations_open_email_key').on(t.organizationId, t.email).where(sql`accepted_at is null and revoked_at is null`),
    check('invitations_role', sql`${t.role} in ('owner', 'admin', 'member', 'billing')`),
  ],
);

/** Append-only history of membership changes, newest read first. */
export const auditEvents = tenancySchema.table(
  'audit_events',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').notNull(),
    action: text('action').notNull(),
    subjectUserId: uuid('subject_user_id'),
    subjectEmail: text('subject_email'),
    role: text('role'),
    previousRole: text('previous_role'),
    at: instant('at').notNull(),
  },
  (t) => [index('audit_events_organization_idx').on(t.organizationId, t.at, t.id)],
);

/**
 * An organisation's paid subscription as the billing provider last told us (the free plan has
 * none). `organizations.plan` is the plan in force, derived from this on every change.
 */
export const subscriptions = tenancySchema.table(
  'subscriptions',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    customerId: text('customer_id').notNull(),
    /** Null until checkout completed (Stripe) — the customer exists before the subscription does. */
    subscriptionId: text('subscription_id'),
    plan: text('plan').notNull(),
    /** trialing, active, past_due, unpaid, canceled, incomplete (Stripe's statuses; dunning = past_due → unpaid). */
    status: text('status').notNull(),
    trialEndsAt: instant('trial_ends_at'),
    currentPeriodStart: instant('current_period_start'),
    currentPeriodEnd: instant('current_period_end'),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull(),
    /** The last proration (minor units; negative = credit) of a plan change, for the receipt. */
    lastProrationMinor: bigint('last_proration_minor', { mode: 'bigint' }),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [uniqueIndex('subscriptions_customer_key').on(t.provider, t.customerId)],
);

/** Provider webhook events already applied: each is applied once, whatever the redeliveries. */
export const billingEvents = tenancySchema.table(
  'billing_events',
  {
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    organizationId: uuid('organization_id').notNull(),
    appliedAt: instant('applied_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;
