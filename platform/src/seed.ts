import { readFileSync } from 'node:fs';
import { grantRole } from '@mosaic/accounts';
import type { Db } from '@mosaic/kit';

export const DEMO_USER = { email: 'demo@mosaic.dev', password: 'mosaic-sandbox-2026', displayName: 'Demo User' };
export const DEMO_ADMIN = { email: 'admin@mosaic.dev', password: 'mosaic-operator-2026', displayName: 'Demo Admin' };

interface Result<D> {
  data?: D | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * The client operations' trusted documents (`schema/client/persisted-documents.json`), by
 * operation name. The seed sends exactly these texts, so it passes the gateway in every
 * TRUSTED_DOCUMENTS mode, strict included — it is a client like any other.
 */
export type ClientDocuments = (operationName: string) => string;

export function clientDocuments(manifestPath: string): ClientDocuments {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
  const byName = new Map(Object.values(manifest).map((document) => [/^(?:query|mutation|subscription)\s+(\w+)/.exec(document)?.[1], document]));
  return (name) => {
    const document = byName.get(name);
    if (!document) throw new Error(`No client operation named ${name} in ${manifestPath} (run \`pnpm codegen\`).`);
    return document;
  };
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

/** Signs the user in, registering first if the account does not exist; `created` tells which. */
async function ensureAccount(url: string, documents: ClientDocuments, account: typeof DEMO_USER): Promise<{ token: string; created: boolean }> {
  const login = await call<{ login: { accessToken: string } }>(url, documents('Login'), { input: { email: account.email, password: account.password } });
  if (login.data?.login) return { token: login.data.login.accessToken, created: false };
  const { register } = await must<{ register: { accessToken: string } }>(url, documents('Register'), { input: account });
  return { token: register.accessToken, created: true };
}

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

/** Idempotent: seeds a demo user with todos, notes and a chat room, and a demo admin, once. */
export async function seedDemoData(gatewayUrl: string, accountsDb: Db, documents: ClientDocuments): Promise<void> {
  const demo = await ensureAccount(gatewayUrl, documents, DEMO_USER);
  if (demo.created) {
    const { createRoom } = await must<{ createRoom: { id: string } }>(gatewayUrl, documents('CreateRoom'), { input: { name: 'Lobby', visibility: 'PUBLIC', description: 'Say hello!' } }, demo.token);
    await must(gatewayUrl, documents('SendMessage'), { input: { roomId: createRoom.id, text: 'Welcome to Mosaic chat. Subscribe to messageEvents for this room and post from another tab.' } }, demo.token);
    for (const input of demoTodos()) await must(gatewayUrl, documents('CreateTodo'), { input }, demo.token);
    for (const { pinned, ...input } of demoNotes) {
      const { createNote } = await must<{ createNote: { id: string } }>(gatewayUrl, documents('CreateNote'), { input }, demo.token);
      if (pinned) await must(gatewayUrl, documents('PinNote'), { id: createNote.id }, demo.token);
    }
  }
  await ensureAccount(gatewayUrl, documents, DEMO_ADMIN);
  await grantRole(accountsDb, DEMO_ADMIN.email, 'admin');
}
