import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import chatSubgraph from '@mosaic/chat';
import { createTestAuth, createTestDatabase, graphql, prepareTemplateDatabase, serveModuleForTest } from '@mosaic/testing';
import { saveResult } from './machine';

/**
 * `chatSearch` latency over a large history: MESSAGES messages (1M by default) in ROOMS rooms, the
 * searcher a member of MEMBER_ROOMS of them (search covers only the viewer's rooms). Texts are 8
 * words drawn from a 2,000-word vocabulary with a skewed distribution (word w0 is in about half
 * of all messages, w1999 almost nowhere), plus a rare planted word ("needle", 1 message in
 * 10,000). The data is written with SQL (generate_series), the GIN index built afterwards, then
 * the chat subgraph is served over real HTTP on that database and each query shape is asked
 * REQUESTS times in a row by one client (latency, not throughput), after a warm-up.
 */
const MESSAGES = Number(process.env.MESSAGES ?? 1_000_000);
const ROOMS = Number(process.env.ROOMS ?? 1_000);
const MEMBER_ROOMS = Number(process.env.MEMBER_ROOMS ?? 100);
const REQUESTS = Number(process.env.REQUESTS ?? 200);

const SEARCH = `query($query: String!, $roomId: ID, $first: Int) { chatSearch(query: $query, roomId: $roomId, first: $first) { edges { node { id text createdAt } } pageInfo { hasNextPage endCursor } } }`;

await prepareTemplateDatabase();
const database = await createTestDatabase();
const auth = await createTestAuth();
const searcher = await auth.newUser();
const db = database.db();

const seedStarted = performance.now();
// Rooms with time-ordered ids (uuidv7 layout: 48-bit milliseconds first), the searcher in the first MEMBER_ROOMS.
await db.execute(sql`
  insert into chat.rooms (id, name, description, visibility, created_by_id, created_at, last_message_id, last_activity_at, direct_key)
  select (lpad(to_hex(1700000000000 + r), 12, '0') || '7' || substr(md5('r' || r), 1, 3) || '8' || substr(md5('r' || r), 4, 15))::uuid,
         'room ' || r, null, 'PUBLIC', ${searcher.userId}::uuid, now(), null, now(), null
  from generate_series(1, ${ROOMS}) r`);
await db.execute(sql`
  insert into chat.members (room_id, user_id, role, joined_at, last_read_message_id)
  select id, ${searcher.userId}::uuid, 'OWNER', now(), null from chat.rooms order by id limit ${MEMBER_ROOMS}`);
await db.execute(sql`drop index chat.messages_search_idx`);
await db.execute(sql`
  with room_ids as (select id, row_number() over (order by id) - 1 as n from chat.rooms)
  insert into chat.messages (id, room_id, author_id, text, reply_to_id, thread_root_id, created_at, edited_at, deleted_at)
  select (lpad(to_hex(1710000000000 + g), 12, '0') || '7' || substr(md5(g::text), 1, 3) || '8' || substr(md5(g::text), 4, 15))::uuid,
         room_ids.id, ${searcher.userId}::uuid,
         (select string_agg('w' || floor(2000 * power(random() + w * 0 + g * 0, 3))::int, ' ') from generate_series(1, 8) w)
           || case when g % 10000 = 0 then ' needle' else '' end,
         null, null, now(), null, null
  from generate_series(1, ${MESSAGES}) g join room_ids on room_ids.n = g % ${ROOMS}`);
const insertedMs = performance.now() - seedStarted;
const indexStarted = performance.now();
await db.execute(sql`create index messages_search_idx on chat.messages using gin (to_tsvector('simple', text))`);
await db.execute(sql`analyze chat.messages`);
const indexMs = performance.now() - indexStarted;

const served = await serveModuleForTest(chatSubgraph, { db, client: database.client, verifier: auth.verifier }, { LOG_LEVEL: 'silent', CHAT_LINK_PREVIEWS: 'off' });
const [firstRoom] = (await db.execute<{ id: string }>(sql`select id from chat.rooms order by id limit 1`)) as unknown as { id: string }[];
const roomId = Buffer.from(`Room:${firstRoom!.id}`).toString('base64url');

const SHAPES: Record<string, { query: string; roomId?: string }> = {
  rare: { query: 'needle' },
  medium: { query: 'w900' },
  common: { query: 'w0' },
  twoWords: { query: 'w5 w40' },
  phrase: { query: '"w1 w2"' },
  excluded: { query: 'w50 -w0' },
  commonInOneRoom: { query: 'w0', roomId },
};

const percentile = (sorted: number[], p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
const shapes: Record<string, unknown>[] = [];
try {
  for (const [shape, variables] of Object.entries(SHAPES)) {
    const ask = () => graphql(served.url, SEARCH, { ...variables, first: 20 }, { token: searcher.token });
    const sample = await ask();
    if (sample.errors) throw new Error(`${shape}: ${JSON.stringify(sample.errors)}`);
    for (let i = 0; i < 10; i++) await ask();
    const latencies: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      const result = await ask();
      latencies.push(performance.now() - started);
      if (result.errors) throw new Error(`${shape}: ${JSON.stringify(result.errors)}`);
    }
    latencies.sort((a, b) => a - b);
    const counted = (await db.execute<{ matches: number }>(
      sql`select count(*)::int as matches from chat.messages m join chat.members on members.room_id = m.room_id and members.user_id = ${searcher.userId}::uuid
          where to_tsvector('simple', m.text) @@ websearch_to_tsquery('simple', ${variables.query}) ${variables.roomId ? sql`and m.room_id = ${firstRoom!.id}::uuid` : sql``}`,
    )) as unknown as { matches: number }[];
    const matches = counted[0]!.matches;
    const row = { shape, ...variables, roomId: variables.roomId ? 'first room' : undefined, matchesInViewersRooms: matches, returned: (sample.data as { chatSearch: { edges: unknown[] } }).chatSearch.edges.length, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), p99Ms: percentile(latencies, 99) };
    console.log(JSON.stringify(row));
    shapes.push(row);
  }
} finally {
  await served.close();
  await database.drop();
}

const file = saveResult('chat-search', {
  messages: MESSAGES,
  rooms: ROOMS,
  viewerRooms: MEMBER_ROOMS,
  requestsPerShape: REQUESTS,
  page: 20,
  seed: { insertSeconds: Math.round(insertedMs / 100) / 10, ginIndexSeconds: Math.round(indexMs / 100) / 10 },
  loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  shapes,
});
console.log(`saved ${file}`);
