import { sql } from 'drizzle-orm';
import type { Authorization } from '../auth/authorization';
import { ADMIN_ROLE } from '../auth/authorization';
import type { Db } from './database';

/**
 * The database role requests of row-level-security subgraphs run as: no superuser, no BYPASSRLS,
 * owner of nothing — so the policies of `FORCE ROW LEVEL SECURITY` tables always apply to it.
 * Services connect as it (DATABASE_APP_USER); every tenant transaction also switches to it
 * (`set_config('role', …, true)`), which is what makes policies hold on all-in-one's single
 * superuser PGlite connection too.
 */
export const TENANT_APP_ROLE = 'mosaic_app';

/** The transaction-local settings the policies read (`current_setting('mosaic.tenant_id', true)`). */
export const TENANT_SETTINGS = { tenantId: 'mosaic.tenant_id', userId: 'mosaic.user_id', admin: 'mosaic.admin' } as const;

/**
 * Who a transaction acts for, from the verified token only: the user, the organisation the token
 * is switched to (null: personal context), and whether the user is a platform admin (support
 * access to personal rows where a policy allows it). All null = nobody: every policy answers no rows.
 */
export interface TenantScope {
  userId: string | null;
  tenantId: string | null;
  admin: boolean;
}

export const NO_TENANT_SCOPE: TenantScope = { userId: null, tenantId: null, admin: false };

export function tenantScopeOf(auth: Pick<Authorization, 'viewer'>): TenantScope {
  const viewer = auth.viewer;
  if (!viewer) return NO_TENANT_SCOPE;
  return { userId: viewer.userId, tenantId: viewer.tenant?.id ?? null, admin: viewer.roles.includes(ADMIN_ROLE) };
}

/**
 * Runs `work` in a transaction bound to `scope`: the role and the settings are `is_local`
 * (`SET LOCAL`), so they end with the transaction and never leak to the next user of a pooled
 * connection. Inside an outer transaction this is a savepoint whose settings still hold to the
 * end of the outer one — bind once, at the outermost level.
 */
export function withTenant<T>(db: Db, scope: TenantScope, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await bindTenant(tx, scope);
    return work(tx);
  });
}

/** Binds the current transaction to `scope` (one statement). Empty strings are what the policies read as "none". */
export async function bindTenant(tx: Db, scope: TenantScope): Promise<void> {
  await tx.execute(sql`select set_config('role', ${TENANT_APP_ROLE}, true), set_config(${TENANT_SETTINGS.tenantId}, ${scope.tenantId ?? ''}, true), set_config(${TENANT_SETTINGS.userId}, ${scope.userId ?? ''}, true), set_config(${TENANT_SETTINGS.admin}, ${scope.admin ? 'on' : ''}, true)`);
}

/**
 * A request's database for a row-level-security subgraph: every piece of work runs in a
 * transaction bound to the request's scope — the only way it reaches the tables, so no code path
 * can forget the tenant (and one that bypassed this would see nothing: the connection is the app role).
 */
export interface TenantDb {
  readonly scope: TenantScope;
  run<T>(work: (tx: Db) => Promise<T>): Promise<T>;
}

export function tenantDb(db: Db, scope: TenantScope): TenantDb {
  return { scope, run: (work) => withTenant(db, scope, work) };
}
