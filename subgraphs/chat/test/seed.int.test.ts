import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoIdentity, SeedContext } from '@mosaic/kit';
import { testLogger } from '@mosaic/testing';
import { seedChat } from '../src/seed';
import { PRESENCE, dataOf, newChatter, startChat, type ChatApp, type Chatter } from './harness';

/** The demo data `pnpm start` seeds, through chat's own API as the demo accounts. */
let app: ChatApp;
let user: Chatter;
let admin: Chatter;
beforeAll(async () => {
  app = await startChat();
  user = await newChatter(app);
  admin = await newChatter(app, ['user', 'admin']);
  const as = (identity: DemoIdentity | null | undefined) => (identity === 'admin' ? admin : user);
  const seed = {
    db: app.database.db(),
    log: testLogger,
    demo: {} as SeedContext['demo'],
    async graphql<D>(query: string, variables: Record<string, unknown> = {}, identity?: DemoIdentity | null): Promise<D> {
      const result = await as(identity).call(query, variables);
      if (result.errors || !result.data) throw new Error(JSON.stringify(result.errors));
      return result.data as D;
    },
  } satisfies SeedContext;
  await seedChat(seed);
});
afterAll(() => app.close());

const DIRECT = `query { chatRooms(filter: { direct: true }) { edges { node { id messages { edges { node { text author { id } readBy { id } } } } } } } }`;

describe('chat demo data', () => {
  it('the demo user sees that the admin read their messages, and the admin online', async () => {
    const rooms = dataOf<any>(await user.call(DIRECT), 'chatRooms').edges;
    expect(rooms).toHaveLength(1);
    const messages = rooms[0].node.messages.edges.map((e: any) => e.node);
    const own = messages.filter((message: any) => message.author.id === user.publicId);
    expect(own.length).toBeGreaterThan(0);
    for (const message of own) expect(message.readBy).toEqual([{ id: admin.publicId }]);
    const [seen] = dataOf<any[]>(await user.call(PRESENCE, { reps: [{ __typename: 'User', id: admin.publicId }] }), '_entities');
    expect(seen.presence).toBe('ONLINE');
  });
});
