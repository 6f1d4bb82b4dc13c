import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  createLogger,
  createSubgraph,
  createTokenVerifier,
  GATEWAY_TOKEN_HEADER,
  serveSubgraph,
  signGatewayRequest,
  signSubscriptionVouch,
  SUBSCRIPTION_VOUCH_EXTENSION,
  type RequestContext,
  type RunningServer,
  type Viewer,
} from '../src/index';
import { parse } from 'graphql';

/**
 * The gateway trust header is bound to one request (subgraph, method, path, body) and expires
 * within seconds; a subscription's gateway vouch is bound to one operation. A captured one is no
 * use for anything else.
 */
const secret = randomBytes(32).toString('base64url');
const log = createLogger('test', { level: 'silent' });
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated"])
  type Query { hello(name: String!): String! }
  type Subscription { whoami(room: String!): String! @authenticated }
`);
let server: RunningServer;
let url: string;

beforeAll(async () => {
  const subgraph = createSubgraph<RequestContext>({
    deps: { name: 'greetings', typeDefs, verifier: createTokenVerifier({ issuer: 'i', audience: 'a' }, createLocalJWKSet({ keys: [] })), log },
    context: (base) => base,
    resolvers: {
      Query: { hello: (_: unknown, args: { name: string }) => `hello ${args.name}` },
      Subscription: {
        whoami: {
          async *subscribe(_: unknown, args: { room: string }, ctx: RequestContext) {
            yield { whoami: `${ctx.viewer!.userId} in ${args.room}` };
          },
        },
      },
    },
  });
  server = await serveSubgraph(subgraph, { port: 0, host: '127.0.0.1', log, gatewaySecret: secret });
  url = `${server.url}/graphql`;
});
afterAll(() => server?.close());

const post = (body: string, token: string | undefined, path = '/graphql') =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { [GATEWAY_TOKEN_HEADER]: token } : {}) }, body });
const request = (name: string) => JSON.stringify({ query: 'query($name: String!) { hello(name: $name) }', variables: { name } });

describe('gateway trust header', () => {
  it('is accepted for exactly the request it was signed for', async () => {
    const body = request('ada');
    const response = await post(body, signGatewayRequest(secret, 'greetings', { method: 'POST', path: '/graphql', body }));
    expect(await response.json()).toEqual({ data: { hello: 'hello ada' } });
  });

  it('is refused for another body, another subgraph, another method or path, when expired, or in the old unbound form', async () => {
    const body = request('ada');
    const captured = signGatewayRequest(secret, 'greetings', { method: 'POST', path: '/graphql', body });
    const refusals = [
      [request('mallory'), captured],
      [body, signGatewayRequest(secret, 'accounts', { method: 'POST', path: '/graphql', body })],
      [body, signGatewayRequest(secret, 'greetings', { method: 'GET', path: '/graphql', body })],
      [body, signGatewayRequest(secret, 'greetings', { method: 'POST', path: '/graphql?x=1', body })],
      [body, signGatewayRequest(secret, 'greetings', { method: 'POST', path: '/graphql', body }, Date.now() - 60_000)],
      [body, signGatewayRequest('another-secret-of-at-least-32-characters', 'greetings', { method: 'POST', path: '/graphql', body })],
      [body, `v1.${Math.floor(Date.now() / 1000)}.${captured.split('.')[2]}`],
      [body, undefined],
    ] as const;
    for (const [sent, token] of refusals) {
      const response = await post(sent, token);
      expect(response.status, `${sent} ${token}`).toBe(403);
    }
  });
});

describe('gateway vouch on a subscription', () => {
  const viewer: Viewer = { userId: 'user-1', sessionId: 's', roles: ['user'], scopes: new Set(), amr: ['pwd'] };
  const operation = { query: 'subscription($room: String!) { whoami(room: $room) }', variables: { room: 'lobby' } };

  function gatewaySocket() {
    const ws = new URL(url.replace('http', 'ws'));
    const header = () => signGatewayRequest(secret, 'greetings', { method: 'GET', path: ws.pathname, body: '' });
    return createClient({
      url: ws.toString(),
      retryAttempts: 0,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { [GATEWAY_TOKEN_HEADER]: header() } });
        }
      },
    });
  }

  const first = (client: ReturnType<typeof createClient>, payload: Parameters<ReturnType<typeof createClient>['subscribe']>[0]) =>
    new Promise<unknown>((resolve) => client.subscribe(payload, { next: resolve, error: resolve, complete: () => undefined }));

  it('runs the subscription as the vouched viewer', async () => {
    const client = gatewaySocket();
    const vouch = signSubscriptionVouch(secret, 'greetings', viewer, operation);
    expect(await first(client, { ...operation, extensions: { [SUBSCRIPTION_VOUCH_EXTENSION]: vouch } })).toEqual({ data: { whoami: 'user-1 in lobby' } });
    await client.dispose();
  });

  it('refuses a vouch moved to other variables, another subgraph, or past its minute', async () => {
    const client = gatewaySocket();
    const cases = [
      { ...operation, variables: { room: 'vault' }, extensions: { [SUBSCRIPTION_VOUCH_EXTENSION]: signSubscriptionVouch(secret, 'greetings', viewer, operation) } },
      { ...operation, extensions: { [SUBSCRIPTION_VOUCH_EXTENSION]: signSubscriptionVouch(secret, 'accounts', viewer, operation) } },
      { ...operation, extensions: { [SUBSCRIPTION_VOUCH_EXTENSION]: signSubscriptionVouch(secret, 'greetings', viewer, operation, Date.now() - 120_000) } },
      { ...operation, extensions: { [SUBSCRIPTION_VOUCH_EXTENSION]: 'forged.vouch' } },
    ];
    for (const payload of cases) expect(await first(client, payload)).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
    // Without a vouch the connection's own (anonymous) viewer applies: @authenticated refuses.
    expect(await first(client, operation)).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })] });
    await client.dispose();
  });
});
