import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { spawnServices } from '@mosaic/platform/services';
import { createTestDatabase, prepareTemplateDatabase } from '@mosaic/testing';
import { gql } from './client';
import { cpuMs } from '../gateways/process-cpu';
import { LatencyHistogram } from './latency-histogram';
import { leafRssMiB, saveResult } from './machine';
import { generateSigningKey, generateFieldKey } from '@mosaic/kit';

/**
 * Chat fan-out through the gateway: N graphql-ws subscribers on one room
 * (`messageEvents(roomId) { … on MessageAdded { message { id text sentAt author { displayName } } } }`,
 * the author resolved from accounts per event), a publisher sending messages through the gateway
 * at a steady rate. Each message carries its send time, so every delivery's publish → receive
 * latency is measured on one clock. The graph runs in services mode on the PostgreSQL server, so the
 * gateway has its own process (its RSS is the gateway's alone); this process is the load client
 * (raw `ws`, no JSON parsing per frame). Two cores: gateway, subgraphs and load client share them.
 */
const USERS = 50;
const SUBSCRIBE = `subscription($roomId: ID!) { messageEvents(roomId: $roomId) { ... on MessageAdded { message { id text createdAt author { displayName } } } } }`;

interface Scenario {
  subscribers: number;
  ratePerSecond: number;
  seconds: number;
}

const scenarios: Scenario[] = process.env.SCENARIOS
  ? (JSON.parse(process.env.SCENARIOS) as Scenario[])
  : [
      { subscribers: 1000, ratePerSecond: 20, seconds: 30 },
      { subscribers: 5000, ratePerSecond: 1, seconds: 30 },
      { subscribers: 5000, ratePerSecond: 20, seconds: 30 },
    ];

async function setUp(url: string) {
  const tokens: string[] = [];
  for (let i = 0; i < USERS; i++) {
    const input = { email: `fan${i}-${Date.now()}@bench.dev`, password: 'velvet-otter-lantern' };
    const { register } = await gql<{ register: { accessToken: string } }>(url, `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`, { input });
    tokens.push(register.accessToken);
  }
  const { createRoom } = await gql<{ createRoom: { id: string } }>(url, `mutation { createRoom(input: { name: "Fan-out", visibility: PUBLIC }) { id } }`, {}, tokens[0]);
  for (const token of tokens.slice(1)) await gql(url, `mutation($id: ID!) { joinRoom(roomId: $id) { id } }`, { id: createRoom.id }, token);
  return { tokens, roomId: createRoom.id };
}

/** Opens `count` sockets, subscribes each, resolves when all are acknowledged by the server. */
async function openSubscribers(wsUrl: string, count: number, tokens: string[], roomId: string, onFrame: (data: string) => void) {
  const sockets: WebSocket[] = [];
  const closes = { slowConsumer: 0, other: 0 };
  const opening: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
    sockets.push(socket);
    opening.push(
      new Promise<void>((resolve, reject) => {
        socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${tokens[i % tokens.length]}` } })));
        socket.once('error', reject);
        socket.on('message', (raw) => {
          const data = raw.toString();
          if (data.startsWith('{"type":"connection_ack"')) {
            socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIBE, variables: { roomId } } }));
            resolve();
          } else onFrame(data);
        });
        socket.on('close', (code) => (code === 4008 ? closes.slowConsumer++ : closes.other++));
      }),
    );
    if (i % 200 === 199) await Promise.all(opening.slice(-200));
  }
  await Promise.all(opening);
  return { sockets, closes };
}

async function run(url: string, internalUrl: string, setup: { tokens: string[]; roomId: string }, scenario: Scenario, pid: number) {
  const histogram = new LatencyHistogram();
  let received = 0;
  let errors = 0;
  let measuring = false;
  const onFrame = (data: string) => {
    // The text is "<seq>:<sentAtMs>": no JSON.parse of 100k frames a second in the load client.
    const at = data.indexOf('"text":"');
    if (at < 0) {
      if (data.includes('"errors"')) errors++;
      return;
    }
    const sentAt = Number(data.slice(data.indexOf(':', at + 8) + 1, data.indexOf('"', at + 8)));
    if (!measuring) return;
    received++;
    histogram.record(Date.now() - sentAt);
  };
  const rssBefore = leafRssMiB(pid);
  const heapBefore = await heapUsedMiB(internalUrl);
  const { sockets, closes } = await openSubscribers(url.replace('http', 'ws'), scenario.subscribers, setup.tokens, setup.roomId, onFrame);
  // Every subscriber admitted and in its group (the gateway's own gauge), then the upstream live.
  const deadline = Date.now() + 120_000;
  while ((await activeSubscriptions(internalUrl)) < scenario.subscribers && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const rssSubscribed = leafRssMiB(pid);
  const heapSubscribed = await heapUsedMiB(internalUrl);

  const send = (seq: number) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${setup.tokens[seq % setup.tokens.length]}` },
      body: JSON.stringify({ query: `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, variables: { input: { roomId: setup.roomId, text: `${seq}:${Date.now()}` } } }),
    }).then((r) => r.text());

  // Warm-up, then the measured window at a steady rate.
  for (let i = 0; i < 3; i++) await send(-1 - i);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  measuring = true;
  const total = scenario.ratePerSecond * scenario.seconds;
  const startedAt = Date.now();
  const gatewayCpuStart = cpuMs(pid);
  const clientCpuStart = process.cpuUsage();
  const inflight: Promise<string>[] = [];
  let rssPeak = rssSubscribed;
  for (let seq = 0; seq < total; seq++) {
    const due = startedAt + (seq * 1000) / scenario.ratePerSecond;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inflight.push(send(seq));
    if (seq % scenario.ratePerSecond === 0) rssPeak = Math.max(rssPeak, leafRssMiB(pid));
  }
  await Promise.all(inflight);
  const expected = total * scenario.subscribers;
  const drainDeadline = Date.now() + 30_000;
  while (received < expected - closedShare(closes, scenario, total) && Date.now() < drainDeadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const elapsed = (Date.now() - startedAt) / 1000;
  const gatewayCpuPercent = Math.round((cpuMs(pid) - gatewayCpuStart) / (elapsed * 10));
  const clientCpu = process.cpuUsage(clientCpuStart);
  const loadClientCpuPercent = Math.round((clientCpu.user + clientCpu.system) / (elapsed * 10_000));
  measuring = false;
  for (const socket of sockets) socket.terminate();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return {
    ...scenario,
    expectedDeliveries: expected,
    delivered: received,
    deliveredPercent: Math.round((received / expected) * 10_000) / 100,
    deliveriesPerSecond: Math.round(received / elapsed),
    latencyMs: { p50: histogram.percentile(50), p99: histogram.percentile(99), max: histogram.percentile(100) },
    errorResults: errors,
    // Where the time goes: a process at ~100% is the bottleneck (2 cores in all).
    cpuPercent: { gateway: gatewayCpuPercent, loadClient: loadClientCpuPercent },
    slowConsumersClosed: closes.slowConsumer,
    gatewayRssMiB: { before: rssBefore, subscribed: rssSubscribed, peak: rssPeak },
    rssKiBPerSubscriber: Math.round(((rssSubscribed - rssBefore) * 1024) / scenario.subscribers),
    heapUsedMiB: { before: heapBefore, subscribed: heapSubscribed },
  };
}

/** From the gateway's internal port (`/metrics` is not served to clients). */
const metric = async (internalUrl: string, name: string) => {
  const text = await (await fetch(`${internalUrl}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
};

/** The gateway's own heap use, from its Prometheus metrics (RSS also counts freed, unreturned memory). */
const heapUsedMiB = async (internalUrl: string) => Math.round((await metric(internalUrl, 'mosaic_gateway_nodejs_heap_size_used_bytes')) / 1048576);
const activeSubscriptions = (internalUrl: string) => metric(internalUrl, 'mosaic_gateway_subscriptions_active');

/** Deliveries a closed slow consumer could not receive are not waited for. */
function closedShare(closes: { slowConsumer: number }, scenario: Scenario, total: number) {
  return closes.slowConsumer * total;
}

// A scratch database cloned from the migrated template (the test suite's mechanism).
await prepareTemplateDatabase();
const database = await createTestDatabase();
const signingKeys = JSON.stringify([await generateSigningKey('bench')]);
const results = [];
try {
  for (const scenario of scenarios) {
    const graph = await spawnServices({
      env: {
        LOG_LEVEL: 'error',
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        ACCOUNTS_SIGNING_KEYS: signingKeys,
        ACCOUNTS_FIELD_KEYS: JSON.stringify([generateFieldKey('bench')]),
        // Users sign up and in at once here; verified sign-up (production's default) is tested in accounts.
        ACCOUNTS_SIGNUP: 'instant',
        CHAIN_KEY_ENCRYPTION_KEYS: JSON.stringify([generateFieldKey('bench')]),
        GATEWAY_SHARED_SECRET: randomBytes(32).toString('base64url'),
        RATE_LIMIT_PER_IP: '0',
        RATE_LIMIT_PER_USER: '0',
        // Every simulated client connects from this one machine.
        WS_MAX_CONNECTIONS_PER_IP: '0',
      },
      ports: 'free',
    });
    try {
      await graph.ready();
      const gateway = graph.services.find((s) => s.name === 'gateway')!;
      const result = await run(gateway.url, gateway.internalUrl!, await setUp(gateway.url), scenario, gateway.process.pid!);
      console.log(JSON.stringify(result));
      results.push(result);
    } finally {
      await graph.stop();
    }
  }
} finally {
  await database.drop();
}
console.log(`saved ${saveResult('chat-fanout', results)}`);
