import { randomBytes } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, createRoutedServer, createSubgraph, listen, serveSubgraph, type RequestContext, type RunningServer } from '@mosaic/kit';
import { createTestAuth, type TestAuth } from '@mosaic/testing';
import { createGateway, type Gateway } from '../src/index';

/**
 * Inbound in-flight sharing (execution/shared-operations.ts) through the real gateway: the one
 * subgraph holds every answer until the test releases it, so which requests joined an execution
 * already in flight is decided before anything completes.
 */
const sdl = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Query { held(tag: String!): Answer! }
  type Mutation { bump: Int! }
  type Answer { tag: String! viewer: String list: [Int!]! }
`);

let gateway: Gateway;
let url: string;
let auth: TestAuth;
const servers: RunningServer[] = [];
const calls = { held: 0, bump: 0 };
let release: () => void = () => {};
let gate: Promise<void> = Promise.resolve();

function closeGate() {
  gate = new Promise((resolve) => (release = resolve));
}

beforeAll(async () => {
  const log = createLogger('test', { level: 'silent' });
  auth = await createTestAuth();
  const subgraph = createSubgraph<RequestContext>({
    deps: { name: 'held', typeDefs: sdl, verifier: auth.verifier, log },
    context: (base) => base,
    resolvers: {
      Query: {
        held: async (_: unknown, args: { tag: string }, ctx: RequestContext) => {
          calls.held++;
          await gate;
          return { tag: args.tag, viewer: ctx.viewer?.userId ?? null, list: [1, 2, 3] };
        },
      },
      Mutation: {
        bump: async () => {
          const count = ++calls.bump;
          await gate;
          return count;
        },
      },
    },
  });
  const gatewaySecret = randomBytes(32).toString('base64url');
  const served = await serveSubgraph(subgraph, { port: 0, host: '127.0.0.1', log, gatewaySecret });
  servers.push(served);
  const composed = composeServices([{ name: 'held', typeDefs: sdl, url: `${served.url}/graphql` }]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  gateway = createGateway({ supergraphSdl: composed.supergraphSdl, verifier: auth.verifier, log, production: false, gatewaySecret });
  await gateway.start();
  const running = await listen(createRoutedServer(gateway.routes, log), 0, '127.0.0.1');
  servers.push(running);
  url = `${running.url}/graphql`;
});

afterAll(async () => {
  release();
  await gateway?.stop();
  for (const server of servers) await server.close();
});

async function shared(): Promise<number> {
  const metric = await gateway.metrics.registry.getSingleMetric('mosaic_gateway_shared_operations_total')!.get();
  return metric.values[0]?.value ?? 0;
}

function post(query: string, variables?: Record<string, unknown>, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });
}

const HELD = 'query Held($tag: String!) { held(tag: $tag) { tag viewer list } }';

describe('identical queries in flight', () => {
  it('run the plan once and answer every request with the same bytes as an unshared answer', async () => {
    closeGate();
    const before = { shared: await shared(), calls: calls.held };
    const responses = Array.from({ length: 8 }, () => post(HELD, { tag: 'same' }));
    await expect.poll(shared).toBe(before.shared + 7);
    release();
    const bodies = await Promise.all((await Promise.all(responses)).map((r) => r.text()));
    expect(calls.held - before.calls).toBe(1);
    expect(new Set(bodies).size).toBe(1);
    // Alone (nothing in flight to share with), the same query gets the same text.
    const alone = await (await post(HELD, { tag: 'same' })).text();
    expect(bodies[0]).toBe(alone);
    expect(JSON.parse(alone)).toEqual({ data: { held: { tag: 'same', viewer: null, list: [1, 2, 3] } } });
  });

  it('are shared per viewer and per variables, never across them', async () => {
    closeGate();
    const [a, b] = [await auth.newUser(), await auth.newUser()];
    const before = { shared: await shared(), calls: calls.held };
    const responses = [
      ...Array.from({ length: 3 }, () => post(HELD, { tag: 'mine' }, a.token)),
      ...Array.from({ length: 3 }, () => post(HELD, { tag: 'mine' }, b.token)),
      post(HELD, { tag: 'other' }, a.token),
    ];
    // Two followers per viewer; the third variables value runs on its own.
    await expect.poll(shared).toBe(before.shared + 4);
    await expect.poll(() => calls.held - before.calls).toBe(3);
    release();
    const answers = (await Promise.all((await Promise.all(responses)).map((r) => r.json()))) as { data: { held: { tag: string; viewer: string } } }[];
    expect(answers.map((answer) => `${answer.data.held.tag}:${answer.data.held.viewer}`)).toEqual([
      ...Array(3).fill(`mine:${a.userId}`),
      ...Array(3).fill(`mine:${b.userId}`),
      `other:${a.userId}`,
    ]);
  });

  it('never share a mutation', async () => {
    closeGate();
    const before = { shared: await shared(), calls: calls.bump };
    const responses = Array.from({ length: 4 }, () => post('mutation { bump }'));
    await expect.poll(() => calls.bump - before.calls).toBe(4);
    release();
    const answers = (await Promise.all((await Promise.all(responses)).map((r) => r.json()))) as { data: { bump: number } }[];
    expect(new Set(answers.map((answer) => answer.data.bump)).size).toBe(4);
    expect(await shared()).toBe(before.shared);
  });
});
