import { grantRole } from '@mosaic/accounts';
import type { Db } from '@mosaic/kit';

export const DEMO_USER = { email: 'demo@mosaic.dev', password: 'mosaic-sandbox-2026', displayName: 'Demo User' };
export const DEMO_ADMIN = { email: 'admin@mosaic.dev', password: 'mosaic-operator-2026', displayName: 'Demo Admin' };

interface Result<D> {
  data?: D | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Seeds through the public API (the gateway), so demo data obeys every rule real data does. */
async function call<D>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<Result<D>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result<D>;
}

async function must<D>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<D> {
  const result = await call<D>(url, query, variables, token);
  if (result.errors?.length || !result.data) throw new Error(`Seeding failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;

/** Signs the user in, registering first if the account does not exist; `created` tells which. */
async function ensureAccount(url: string, account: typeof DEMO_USER): Promise<{ token: string; created: boolean }> {
  const login = await call<{ login: { accessToken: string } }>(url, LOGIN, { input: { email: account.email, password: account.password } });
  if (login.data?.login) return { token: login.data.login.accessToken, created: false };
  const { register } = await must<{ register: { accessToken: string } }>(url, REGISTER, { input: account });
  return { token: register.accessToken, created: true };
}

/** Idempotent: seeds a demo user with content and a demo admin, once. */
export async function seedDemoData(gatewayUrl: string, accountsDb: Db): Promise<void> {
  await ensureAccount(gatewayUrl, DEMO_USER);
  await ensureAccount(gatewayUrl, DEMO_ADMIN);
  await grantRole(accountsDb, DEMO_ADMIN.email, 'admin');
}
