import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';

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
    /** Argon2id; null for an account created through an external identity provider. */
    passwordHash: text('password_hash'),
    roles: text('roles').array().notNull(),
    /** IANA name (e.g. Europe/Berlin), canonicalised by Intl; what "today" and "9am" mean for this user. */
    timeZone: text('time_zone').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email), index('users_created_at_id_idx').on(t.createdAt, t.id)],
);

/**
 * A signed-in device: one per sign-in, kept across refresh-token rotations (the refresh tokens of
 * a session form its family). `auth_time`/`amr` record the last interactive authentication
 * (sign-in or step-up), copied into every access token the session yields.
 */
export const sessions = accounts.table(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull(),
    lastUsedAt: instant('last_used_at').notNull(),
    userAgent: text('user_agent'),
    /** The client's network, not its address: /24 for IPv4, /48 for IPv6. */
    ipPrefix: text('ip_prefix'),
    authTime: instant('auth_time').notNull(),
    amr: text('amr').array().notNull(),
    revokedAt: instant('revoked_at'),
    /** The organisation the session is switched to (switchOrganization); its tokens carry it while the membership lasts. */
    organizationId: uuid('organization_id'),
  },
  (t) => [index('sessions_active_user_idx').on(t.userId, t.lastUsedAt).where(sql`revoked_at is null`)],
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
    familyId: uuid('family_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
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

/**
 * A user's TOTP authenticator (RFC 6238). The seed is encrypted (AES-256-GCM, kit's field
 * encryption, the key's id inside the value); `last_used_step` is the newest time step a code was
 * accepted for, so a code cannot be replayed within its window.
 */
export const totpCredentials = accounts.table('totp_credentials', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretCiphertext: text('secret_ciphertext').notNull(),
  /** Set when the first code confirmed the enrolment; until then the credential is inert. */
  confirmedAt: instant('confirmed_at'),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: instant('created_at').notNull(),
});

/** Single-use recovery codes, SHA-256 hashed (they are random, 50 bits each). */
export const recoveryCodes = accounts.table(
  'recovery_codes',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: instant('used_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('recovery_codes_user_code_key').on(t.userId, t.codeHash)],
);

/**
 * The second step of a sign-in: after the password, a short-lived challenge (stored hashed) that a
 * TOTP or recovery code turns into a session. `method` says how the first step was passed.
 */
export const loginChallenges = accounts.table(
  'login_challenges',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    firstFactor: text('first_factor').notNull(),
    attempts: integer('attempts').notNull(),
    expiresAt: instant('expires_at').notNull(),
    consumedAt: instant('consumed_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('login_challenges_token_hash_key').on(t.tokenHash)],
);

/**
 * Leaky buckets for sign-in attempts (soft lockout, OWASP ASVS 2.2.1): `level` attempts, draining
 * one per the bucket's interval since `updated_at`. Keys name what is limited (an email, an email
 * from one network, one network, an account's codes), never whether an account exists.
 */
export const attemptBuckets = accounts.table('attempt_buckets', {
  key: text('key').primaryKey(),
  level: doublePrecision('level').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/** Third-party apps registered by admins for the OAuth 2.0 / OpenID Connect server. */
export const oauthClients = accounts.table(
  'oauth_clients',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** SHA-256 of the secret (256 random bits); null for a public client (PKCE only). */
    secretHash: text('secret_hash'),
    redirectUris: text('redirect_uris').array().notNull(),
    /** The API scopes the app may ask for; users grant a subset. */
    scopes: text('scopes').array().notNull(),
    grantTypes: text('grant_types').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * The organisation (raw tenancy id) an org admin registered the app for: only its members may
     * authorise it, and its tokens carry that organisation (`org_id`) and nothing else. Null: a
     * platform app registered by a Mosaic admin, acting in the user's personal context.
     */
    organizationId: uuid('organization_id'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('oauth_clients_created_at_id_idx').on(t.createdAt, t.id)],
);

/**
 * oidc-provider's own state (grants, authorization codes, refresh tokens, interactions, sessions),
 * one row per model instance as the library's adapter contract describes; the columns beside the
 * payload are what it looks rows up by.
 */
export const oidcModels = accounts.table(
  'oidc_models',
  {
    kind: text('kind').notNull(),
    id: text('id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    grantId: text('grant_id'),
    uid: text('uid'),
    accountId: text('account_id'),
    clientId: text('client_id'),
    expiresAt: instant('expires_at'),
    consumedAt: instant('consumed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.id] }),
    index('oidc_models_grant_idx').on(t.grantId),
    index('oidc_models_uid_idx').on(t.uid),
    index('oidc_models_account_idx').on(t.accountId, t.kind),
  ],
);

/** Accounts linked to an external OpenID Connect provider's subject. */
export const externalIdentities = accounts.table(
  'external_identities',
  {
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] }), index('external_identities_user_idx').on(t.userId)],
);

/** An external sign-in under way: PKCE verifier and nonce, found by the hashed `state`. */
export const externalSignIns = accounts.table(
  'external_sign_ins',
  {
    stateHash: text('state_hash').primaryKey(),
    provider: text('provider').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    nonce: text('nonce').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
);

/**
 * A sign-up waiting for its email to be confirmed (ACCOUNTS_SIGNUP=verify-email). Registering an
 * email that already has an account creates one too — with a code nobody was sent — so both cases
 * do the same work and get the same answer.
 */
export const pendingSignUps = accounts.table(
  'pending_sign_ups',
  {
    id: uuid('id').primaryKey(),
    /** Hash of the verification token the client got back (the handle for confirmSignUp). */
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    displayName: text('display_name'),
    passwordHash: text('password_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull(),
    expiresAt: instant('expires_at').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('pending_sign_ups_token_hash_key').on(t.tokenHash)],
);

/**
 * A password reset under way: a code mailed to the account's address (hashed), single use. An
 * email without an account gets a row too (no user, a code nobody was sent): the same work, the
 * same answers.
 */
export const passwordResets = accounts.table(
  'password_resets',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('password_resets_email_idx').on(t.email, t.createdAt)],
);

export type UserRow = typeof users.$inferSelect;
export type PendingSignUpRow = typeof pendingSignUps.$inferSelect;
export type PasswordResetRow = typeof passwordResets.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type TotpCredentialRow = typeof totpCredentials.$inferSelect;
export type LoginChallengeRow = typeof loginChallenges.$inferSelect;
export type OAuthClientRow = typeof oauthClients.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

/**
 * Who belongs to which organisation with which role: a projection of tenancy's
 * `membership.changed` events (tenancy owns memberships). switchOrganization and every token refresh
 * read it, so signing a tenant into a token needs no call to tenancy. `changed_at` is the time of
 * the event applied, so a replayed older event never overwrites a newer state.
 */
export const organizationMemberships = accounts.table(
  'organization_memberships',
  {
    userId: uuid('user_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    /** owner, admin, member, billing — or null once the membership ended (kept as a tombstone for ordering). */
    role: text('role'),
    changedAt: instant('changed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organizationId] })],
);

export type OrganizationMembershipRow = typeof organizationMemberships.$inferSelect;
