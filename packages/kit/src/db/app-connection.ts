import { openSqlClient, type SqlClient } from './database';
import { TENANT_APP_ROLE } from './tenant-scope';

export interface AppRoleConfig {
  appUser?: string | undefined;
  appPassword?: string | undefined;
  poolMax?: number | undefined;
}

/**
 * The connection a row-level-security subgraph's requests use. On a PostgreSQL server: its own pool
 * logged in as the non-owner app role (same host and database as the owner's DATABASE_URL), so a
 * statement outside a tenant transaction sees no tenant rows — fail closed, whatever the code does.
 * PGlite (all-in-one) has one superuser connection and no other logins: it is shared, and only
 * the role switch inside each tenant transaction (`withTenant`) puts the policies in force there.
 */
export async function openAppSqlClient(owner: SqlClient, config: AppRoleConfig = {}): Promise<SqlClient> {
  if (owner.kind === 'pglite') return { ...owner, close: async () => {} };
  const user = config.appUser ?? TENANT_APP_ROLE;
  // Servers that check passwords (anything but local trust): the owner gives the role the
  // configured one, so DATABASE_APP_PASSWORD is the only place it lives. An owner without the
  // privilege (a managed database) leaves it to the DBA, who set the same password.
  if (config.appPassword) {
    const statement = `alter role "${user.replaceAll('"', '""')}" with login password '${config.appPassword.replaceAll("'", "''")}'`;
    await owner.sql.unsafe(statement).catch(() => undefined);
  }
  const url = new URL(owner.url);
  url.username = user;
  url.password = config.appPassword ?? '';
  return openSqlClient({ kind: 'postgres', url: url.toString(), poolMax: config.poolMax ?? 10 });
}
