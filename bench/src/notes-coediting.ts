import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { spawnAllInOne } from '@mosaic/platform/spawn-all-in-one';
import { createTestDatabase, prepareTemplateDatabase } from '@mosaic/testing';
import { gql } from './client';
import { LatencyHistogram } from './latency-histogram';
import { saveResult, treeRssMiB } from './machine';

/**
 * Live co-editing of one note through the gateway, as shipped (compiled all-in-one, PostgreSQL
 * server, its own process). Part 1: for 2, 5, 10 and 20 editors, each a real Y.Doc on its own
 * graphql-ws connection subscribed to `noteUpdates`, the editors take turns typing (one Yjs update
 * per keystroke, sent with `applyNoteUpdate`) at a steady total rate; every peer applies every
 * update it receives. Latency is applyNoteUpdate sent → update applied at a peer, on one clock
 * (the origin carries the send time). Part 2: the server's memory per open document — RSS of the
 * all-in-one process before and after opening DOCS notes, each with one live subscriber.
 * Part 3 (`PARTS=awareness`, saved as notes-awareness.json): co-editors' cursors — each editor
 * subscribed to `noteAwareness`, the editors take turns publishing a cursor with
 * `publishNoteAwareness`; latency is publish sent → PRESENT event at a peer.
 * Two cores, shared by the server and this load client.
 */
const PORT = Number(process.env.PORT ?? 4630);
const EDITORS = process.env.EDITORS ? process.env.EDITORS.split(',').map(Number) : [2, 5, 10, 20];
const RATE = Number(process.env.RATE ?? 10);
const SECONDS = Number(process.env.SECONDS ?? 10);
const DOCS = Number(process.env.DOCS ?? 100);
/** `coediting,memory` (notes-coediting.json, the default) or `awareness` (notes-awareness.json). */
const PARTS = (process.env.PARTS ?? 'coediting,memory').split(',');
const CURSOR_RATE = Number(process.env.CURSOR_RATE ?? 20);
const PASSWORD = 'velvet-otter-lantern';
const UPDATES = `subscription($noteId: ID!, $stateVector: String) { noteUpdates(noteId: $noteId, stateVector: $stateVector) { update sync origin } }`;
const AWARENESS = `subscription($noteId: ID!, $session: String) { noteAwareness(noteId: $noteId, session: $session) { kind session name } }`;
const PUBLISH = `mutation($noteId: ID!, $input: NoteAwarenessInput!) { publishNoteAwareness(noteId: $noteId, input: $input) { expiresAt } }`;
const APPLY = `mutation($noteId: ID!, $update: String!, $origin: String) { applyNoteUpdate(noteId: $noteId, update: $update, origin: $origin) { stateVector } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Set-up calls (not measured) retried a few times: on a loaded 2-core machine a cold subgraph may miss the gateway's timeout once. */
async function setup<D>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<D> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await gql<D>(url, query, variables, token);
    } catch (error) {
      if (attempt >= 5 || !String(error).includes('UNAVAILABLE')) throw error;
      await sleep(1_000 * attempt);
    }
  }
}

async function register(url: string, tag: string): Promise<{ token: string; id: string }> {
  const { register } = await setup<{ register: { accessToken: string; user: { id: string } } }>(url, `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`, {
    input: { email: `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@bench.dev`, password: PASSWORD },
  });
  return { token: register.accessToken, id: register.user.id };
}

/** One graphql-ws subscription over a raw socket; resolves once the first event (sync, LIVE) arrived (the stream is live upstream). */
function subscribe<E = { update: string; sync: boolean; origin: string | null }>(wsUrl: string, token: string, variables: Record<string, unknown>, onEvent: (event: E) => void, query = UPDATES, field = 'noteUpdates'): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
    let synced = false;
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.once('error', reject);
    socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as { type: string; payload?: { data?: Record<string, E>; errors?: unknown } };
      if (message.type === 'connection_ack') socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
      else if (message.type === 'next' && message.payload?.data) {
        onEvent(message.payload.data[field]!);
        if (!synced) {
          synced = true;
          resolve(socket);
        }
      } else if (message.type === 'error' || message.payload?.errors) reject(new Error(JSON.stringify(message.payload)));
    });
  });
}

async function coEdit(url: string, editors: number) {
  const wsUrl = url.replace('http', 'ws');
  const owner = await register(url, 'owner');
  const { createNote } = await setup<{ createNote: { id: string } }>(url, `mutation { createNote(input: { title: "Bench", body: "" }) { id } }`, {}, owner.token);
  const noteId = createNote.id;
  const people = [owner];
  for (let i = 1; i < editors; i++) {
    const editor = await register(url, `editor${i}`);
    await setup(url, `mutation($n: ID!, $u: ID!) { shareNote(noteId: $n, userId: $u, role: EDITOR) { id } }`, { n: noteId, u: editor.id }, owner.token);
    people.push(editor);
  }
  const histogram = new LatencyHistogram();
  let measuring = false;
  let errors = 0;
  let firstError: string | null = null;
  const docs = people.map(() => new Y.Doc());
  const sockets = await Promise.all(
    people.map((person, index) =>
      subscribe(wsUrl, person.token, { noteId }, (event) => {
        const [from, sentAt] = (event.origin ?? '').split('@');
        if (!event.sync && Number(from) === index) return; // its own echo
        Y.applyUpdate(docs[index]!, Buffer.from(event.update, 'base64'), 'remote');
        if (measuring && sentAt) histogram.record(Date.now() - Number(sentAt));
      }),
    ),
  );
  const total = RATE * SECONDS;
  const inflight: Promise<unknown>[] = [];
  const type = (seq: number) => {
    const index = seq % editors;
    const doc = docs[index]!;
    const before = Y.encodeStateVector(doc);
    const text = doc.getText('body');
    text.insert(Math.floor(Math.random() * (text.length + 1)), String.fromCharCode(97 + (seq % 26)));
    const update = Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64');
    return gql(url, APPLY, { noteId, update, origin: `${index}@${Date.now()}` }, people[index]!.token).catch((error: unknown) => {
      errors++;
      firstError ??= String(error).slice(0, 300);
    });
  };
  for (let i = 0; i < editors * 2; i++) await type(i); // warm-up: plans, pools, loaders
  await sleep(500);
  measuring = true;
  const startedAt = Date.now();
  for (let seq = 0; seq < total; seq++) {
    const wait = startedAt + (seq * 1000) / RATE - Date.now();
    if (wait > 0) await sleep(wait);
    inflight.push(type(seq));
  }
  await Promise.all(inflight);
  const expected = total * (editors - 1);
  const deadline = Date.now() + 20_000;
  while (histogram.count < expected && Date.now() < deadline) await sleep(50);
  measuring = false;
  const texts = new Set(docs.map((doc) => doc.getText('body').toString()));
  for (const socket of sockets) socket.terminate();
  return {
    editors,
    updatesPerSecond: RATE,
    updates: total,
    expectedDeliveries: expected,
    delivered: histogram.count,
    errors,
    firstError,
    converged: texts.size === 1,
    latencyMs: { p50: histogram.percentile(50), p99: histogram.percentile(99), max: histogram.percentile(100) },
  };
}

/** Cursors of `editors` co-editors of one note, published in turns at CURSOR_RATE in all. */
async function awarenessFanOut(url: string, editors: number) {
  const wsUrl = url.replace('http', 'ws');
  const owner = await register(url, 'cursor-owner');
  const { createNote } = await setup<{ createNote: { id: string } }>(url, `mutation { createNote(input: { title: "Cursors", body: "Some text to point at." }) { id } }`, {}, owner.token);
  const noteId = createNote.id;
  const people = [owner];
  for (let i = 1; i < editors; i++) {
    const editor = await register(url, `cursor${i}`);
    await setup(url, `mutation($n: ID!, $u: ID!) { shareNote(noteId: $n, userId: $u, role: EDITOR) { id } }`, { n: noteId, u: editor.id }, owner.token);
    people.push(editor);
  }
  // A caret on the note's text as a client encodes it (the bench does not resolve it).
  const doc = new Y.Doc();
  doc.getText('body').insert(0, 'Some text to point at.');
  const histogram = new LatencyHistogram();
  let measuring = false;
  let errors = 0;
  let firstError: string | null = null;
  const sockets = await Promise.all(
    people.map((person, index) =>
      subscribe<{ kind: string; session: string | null; name: string | null }>(
        wsUrl,
        person.token,
        { noteId, session: `s${index}` },
        (event) => {
          if (event.kind !== 'PRESENT' || event.session === `s${index}`) return;
          const sentAt = Number((event.name ?? '').split('@')[1]);
          if (measuring && sentAt) histogram.record(Date.now() - sentAt);
        },
        AWARENESS,
        'noteAwareness',
      ),
    ),
  );
  const total = CURSOR_RATE * SECONDS;
  const publish = (seq: number) => {
    const index = seq % editors;
    const text = doc.getText('body');
    const position = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, seq % (text.length + 1)))).toString('base64');
    const input = { session: `s${index}`, name: `e${index}@${Date.now()}`, color: '#3366ff', cursor: { anchor: position, head: position } };
    return gql(url, PUBLISH, { noteId, input }, people[index]!.token).catch((error: unknown) => {
      errors++;
      firstError ??= String(error).slice(0, 300);
    });
  };
  for (let i = 0; i < editors * 2; i++) await publish(i); // warm-up
  await sleep(500);
  measuring = true;
  const inflight: Promise<unknown>[] = [];
  const startedAt = Date.now();
  for (let seq = 0; seq < total; seq++) {
    const wait = startedAt + (seq * 1000) / CURSOR_RATE - Date.now();
    if (wait > 0) await sleep(wait);
    inflight.push(publish(seq));
  }
  await Promise.all(inflight);
  const expected = total * (editors - 1);
  const deadline = Date.now() + 20_000;
  while (histogram.count < expected && Date.now() < deadline) await sleep(50);
  measuring = false;
  for (const socket of sockets) socket.terminate();
  return {
    editors,
    cursorsPerSecond: CURSOR_RATE,
    published: total,
    expectedDeliveries: expected,
    delivered: histogram.count,
    errors,
    firstError,
    latencyMs: { p50: histogram.percentile(50), p99: histogram.percentile(99), max: histogram.percentile(100) },
  };
}

async function memoryPerDocument(url: string, pid: number) {
  const wsUrl = url.replace('http', 'ws');
  const owner = await register(url, 'memory');
  const ids: string[] = [];
  for (let i = 0; i < DOCS; i++) {
    const body = `# Note ${i}\n\n${'Some text to co-edit. '.repeat(50)}`;
    ids.push((await setup<{ createNote: { id: string } }>(url, `mutation($b: String!) { createNote(input: { title: "Open", body: $b }) { id } }`, { b: body }, owner.token)).createNote.id);
  }
  await sleep(2_000);
  const before = treeRssMiB(pid);
  const sockets: WebSocket[] = [];
  for (const noteId of ids) sockets.push(await subscribe(wsUrl, owner.token, { noteId }, () => {}));
  await sleep(2_000);
  const open = treeRssMiB(pid);
  for (const socket of sockets) socket.terminate();
  return { documents: DOCS, bodyCharacters: 1_100, rssMiB: { before, open }, kibPerOpenDocument: Math.round(((open - before) * 1024) / DOCS) };
}

await prepareTemplateDatabase();
const database = await createTestDatabase();
const keysDir = mkdtempSync(join(tmpdir(), 'mosaic-bench-keys-'));
const graph = await spawnAllInOne({ PORT: String(PORT), SUBGRAPH_PORTS: 'random', LOG_LEVEL: 'error', DATABASE_URL: database.url, DEV_KEYS_DIR: keysDir, RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_USER: '0', WS_MAX_CONNECTIONS_PER_IP: '0' }, Number(process.env.START_TIMEOUT_MS ?? 120_000));
try {
  const url = `http://localhost:${PORT}/graphql`;
  const loadAverage = () => loadavg().map((l) => Math.round(l * 100) / 100);
  if (PARTS.includes('coediting')) {
    const rows = [];
    for (const editors of EDITORS) {
      const row = await coEdit(url, editors);
      console.log(JSON.stringify(row));
      rows.push(row);
    }
    const memory = await memoryPerDocument(url, graph.child.pid!);
    console.log(JSON.stringify(memory));
    console.log(`saved ${saveResult('notes-coediting', { coEditing: rows, memory, loadAverage: loadAverage() })}`);
  }
  if (PARTS.includes('awareness')) {
    const rows = [];
    for (const editors of EDITORS) {
      const row = await awarenessFanOut(url, editors);
      console.log(JSON.stringify(row));
      rows.push(row);
    }
    console.log(`saved ${saveResult('notes-awareness', { awareness: rows, loadAverage: loadAverage() })}`);
  }
} finally {
  await graph.stop();
  await database.drop();
  rmSync(keysDir, { recursive: true, force: true });
}
