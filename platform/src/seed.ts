import { grantRole } from '@mosaic/accounts';
import type { Db } from '@mosaic/kit';

export const DEMO_USER = { email: 'demo@mosaic.dev', password: 'mosaic-sandbox-2026', displayName: 'Demo User' };
export const DEMO_ADMIN = { email: 'admin@mosaic.dev', password: 'mosaic-operator-2026', displayName: 'Demo Admin' };
/** A public OAuth app (PKCE, no secret) for trying the authorization code flow (README). */
export const DEMO_APP = {
  name: 'Mosaic Demo App',
  redirectUris: ['http://localhost:8976/callback'],
  scopes: ['profile', 'todos:read', 'todos:write', 'notes:read'],
  grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
  confidential: false,
};

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

const CREATE_TODO = `mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`;
const CREATE_NOTE = `mutation($input: CreateNoteInput!) { createNote(input: $input) { id } }`;

const inDays = (days: number, hour = 9) => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};

const demoTodos = () => [
  { title: 'Try a federated query in Sandbox', priority: 'HIGH', dueAt: inDays(0, 18) },
  { title: 'Water the plants', recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH', dueAt: inDays(1) },
  { title: 'Renew passport', priority: 'URGENT', dueAt: inDays(14) },
  { title: 'Pay rent', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1', dueAt: inDays(3) },
  { title: 'Read "Designing Data-Intensive Applications"', priority: 'LOW' },
];

const demoNotes = [
  { title: 'Welcome to Mosaic', body: 'Notes support tags, pinning and full-text search: try `notes(search: "federation")`.', tags: ['mosaic'], pinned: true },
  { title: 'Federation cheat sheet', body: 'User is owned by accounts; todos and notes extend it with @key(fields: "id").', tags: ['graphql', 'federation'] },
  { title: 'Running plan', body: 'Easy runs Tuesday and Thursday, long run on Sunday.', tags: ['sport'] },
];

const CREATE_ROOM = `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`;
const SEND_MESSAGE = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;

const OAUTH_CLIENTS = `{ oauthClients(first: 100) { edges { node { id name } } } }`;
const REGISTER_CLIENT = `mutation($input: RegisterOAuthClientInput!) { registerOAuthClient(input: $input) { client { id } } }`;

/** The demo OAuth app's client_id, registering it (as the demo admin) the first time. */
async function ensureDemoApp(gatewayUrl: string, adminToken: string): Promise<string> {
  const { oauthClients } = await must<{ oauthClients: { edges: { node: { id: string; name: string } }[] } }>(gatewayUrl, OAUTH_CLIENTS, {}, adminToken);
  const existing = oauthClients.edges.find((edge) => edge.node.name === DEMO_APP.name);
  if (existing) return existing.node.id;
  const { registerOAuthClient } = await must<{ registerOAuthClient: { client: { id: string } } }>(gatewayUrl, REGISTER_CLIENT, { input: DEMO_APP }, adminToken);
  return registerOAuthClient.client.id;
}

/**
 * Idempotent: seeds a demo user with todos, notes and a chat room, a demo admin, and a demo OAuth
 * app, once. Returns the demo app's client_id.
 */
export async function seedDemoData(gatewayUrl: string, accountsDb: Db): Promise<{ demoAppClientId: string }> {
  const demo = await ensureAccount(gatewayUrl, DEMO_USER);
  if (demo.created) {
    const { createRoom } = await must<{ createRoom: { id: string } }>(gatewayUrl, CREATE_ROOM, { input: { name: 'Lobby', visibility: 'PUBLIC', description: 'Say hello!' } }, demo.token);
    await must(gatewayUrl, SEND_MESSAGE, { input: { roomId: createRoom.id, text: 'Welcome to Mosaic chat. Subscribe to messageEvents for this room and post from another tab.' } }, demo.token);
    for (const input of demoTodos()) await must(gatewayUrl, CREATE_TODO, { input }, demo.token);
    for (const { pinned, ...input } of demoNotes) {
      const { createNote } = await must<{ createNote: { id: string } }>(gatewayUrl, CREATE_NOTE, { input }, demo.token);
      if (pinned) await must(gatewayUrl, `mutation($id: ID!) { pinNote(id: $id) { id } }`, { id: createNote.id }, demo.token);
    }
  }
  await ensureAccount(gatewayUrl, DEMO_ADMIN);
  await grantRole(accountsDb, DEMO_ADMIN.email, 'admin');
  // Signed in again: the token must carry the admin role granted just now.
  const admin = await ensureAccount(gatewayUrl, DEMO_ADMIN);
  return { demoAppClientId: await ensureDemoApp(gatewayUrl, admin.token) };
}
