import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@mosaic/kit';
import { collect, errorCodes, wsClient } from '@mosaic/testing';
import { AWAY_AFTER_MS, PRESENCE_LEASE_MS } from '../src/domain/presence-tracker';
import { LIVE_MENTIONS, PRESENCE, PRESENCE_CHANGED, SET_PRESENCE, dataOf, newChatter, startChat, type ChatApp, type Chatter } from './harness';

/** All-in-one: presence leases in the in-process caches, events through the in-memory pub/sub. */
let app: ChatApp;
beforeAll(async () => {
  app = await startChat();
});
afterAll(() => app.close());


const users = (...people: Chatter[]) => people.map((person) => ({ __typename: 'User', id: person.publicId }));
async function presenceSeenBy(viewer: Chatter, ...people: Chatter[]) {
  return dataOf<{ presence: string | null }[]>(await viewer.call(PRESENCE, { reps: users(...people) }), '_entities').map((user) => user.presence);
}
const heartbeat = (person: Chatter, status: string, clientId?: string) => person.call(SET_PRESENCE, { status, clientId });

async function roomOf(...people: Chatter[]) {
  const room = await people[0]!.createRoom({ visibility: 'PRIVATE' });
  for (const person of people.slice(1)) {
    await people[0]!.invite(room.id, person.publicId);
    await person.join(room.id);
  }
  return room.id;
}

describe('presence', () => {
  it('heartbeats make someone online, away, offline; only co-members and they themselves see it', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const stranger = await newChatter(app);
    await roomOf(ada, bob);
    expect(await presenceSeenBy(bob, ada, bob, stranger)).toEqual(['OFFLINE', 'OFFLINE', null]);

    const online = dataOf<{ status: string; expiresAt: string }>(await heartbeat(ada, 'ONLINE'), 'setPresence');
    expect(online.status).toBe('ONLINE');
    expect(Date.parse(online.expiresAt) - Date.now()).toBeGreaterThan(PRESENCE_LEASE_MS - 10_000);
    expect(await presenceSeenBy(bob, ada)).toEqual(['ONLINE']);
    expect(await presenceSeenBy(ada, ada)).toEqual(['ONLINE']);
    expect(await presenceSeenBy(stranger, ada)).toEqual([null]);

    expect(dataOf<any>(await heartbeat(ada, 'AWAY'), 'setPresence').status).toBe('AWAY');
    expect(await presenceSeenBy(bob, ada)).toEqual(['AWAY']);
    expect(dataOf<any>(await heartbeat(ada, 'OFFLINE'), 'setPresence')).toEqual({ status: 'OFFLINE', expiresAt: null });
    expect(await presenceSeenBy(bob, ada)).toEqual(['OFFLINE']);
  });

  it('presenceChanged tells the room each change once: several clients, expiry of the last lease', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const roomId = await roomOf(ada, bob);
    const client = wsClient(app.wsUrl, bob.token);
    const changes = collect(client, PRESENCE_CHANGED, { roomId });
    await expect.poll(() => app.listeners(roomId, 'presence'), { timeout: 5_000 }).toBe(1);

    await heartbeat(ada, 'ONLINE', 'laptop');
    await heartbeat(ada, 'ONLINE', 'laptop');
    await heartbeat(ada, 'AWAY', 'phone');
    // The laptop is still active: leaving it does not make ada away — the phone keeps her connected.
    await heartbeat(ada, 'OFFLINE', 'laptop');
    const [online, away] = await changes.waitFor(2);
    expect(online!.data!.presenceChanged).toEqual({ roomId, user: { id: ada.publicId }, status: 'ONLINE', changedAt: expect.any(String) });
    expect(away!.data!.presenceChanged).toMatchObject({ user: { id: ada.publicId }, status: 'AWAY' });

    // Nobody renews the phone's lease: once it ended, the sweep announces her offline.
    app.clock.offsetMs += PRESENCE_LEASE_MS + 1_000;
    await app.presence.sweep();
    expect((await changes.waitFor(3))[2]!.data!.presenceChanged).toMatchObject({ user: { id: ada.publicId }, status: 'OFFLINE' });
    expect(await presenceSeenBy(bob, ada)).toEqual(['OFFLINE']);
    changes.stop();
    await client.dispose();
  });

  it('an open mentions stream keeps someone connected, away once idle, offline when it closes', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const roomId = await roomOf(ada, bob);
    const watcher = wsClient(app.wsUrl, bob.token);
    const changes = collect(watcher, PRESENCE_CHANGED, { roomId });
    await expect.poll(() => app.listeners(roomId, 'presence'), { timeout: 5_000 }).toBe(1);

    const adas = wsClient(app.wsUrl, ada.token);
    const mentions = collect(adas, LIVE_MENTIONS);
    expect((await changes.waitFor(1))[0]!.data!.presenceChanged).toMatchObject({ user: { id: ada.publicId }, status: 'ONLINE' });
    // The replica renews the stream's lease on every sweep; activity alone ends after AWAY_AFTER_MS.
    for (let moved = 0; moved <= AWAY_AFTER_MS; moved += PRESENCE_LEASE_MS / 2) {
      app.clock.offsetMs += PRESENCE_LEASE_MS / 2;
      await app.presence.sweep();
    }
    expect((await changes.waitFor(2))[1]!.data!.presenceChanged).toMatchObject({ user: { id: ada.publicId }, status: 'AWAY' });
    mentions.stop();
    expect((await changes.waitFor(3))[2]!.data!.presenceChanged).toMatchObject({ user: { id: ada.publicId }, status: 'OFFLINE' });
    changes.stop();
    await adas.dispose();
    await watcher.dispose();
  });

  it('refuses non-members (of public rooms too), unknown rooms and bad client ids, and changes nothing', async () => {
    const ada = await newChatter(app);
    const outsider = await newChatter(app);
    const lobby = await ada.createRoom({ name: 'Open lobby', visibility: 'PUBLIC' });
    const client = wsClient(app.wsUrl, outsider.token);
    expect(errorCodes((await collect(client, PRESENCE_CHANGED, { roomId: lobby.id }).waitFor(1))[0]!)).toEqual(['FORBIDDEN']);
    expect(errorCodes((await collect(client, PRESENCE_CHANGED, { roomId: encodeId('Room', randomUUID()) }).waitFor(1))[0]!)).toEqual(['NOT_FOUND']);
    const wrongType = (await collect(client, PRESENCE_CHANGED, { roomId: outsider.publicId }).waitFor(1))[0]!;
    expect(errorCodes(wrongType)).toEqual(['BAD_USER_INPUT']);
    await client.dispose();

    const badClient = await heartbeat(outsider, 'ONLINE', 'no spaces allowed');
    expect(errorCodes(badClient)).toEqual(['BAD_USER_INPUT']);
    expect(badClient.errors![0]!.extensions!.field).toBe('clientId');
    expect(errorCodes(await heartbeat(outsider, 'BUSY'))).toEqual(['BAD_USER_INPUT']);
    expect(await presenceSeenBy(outsider, outsider)).toEqual(['OFFLINE']);
    // Nobody shares a room with an unknown user: no presence to see.
    const nobody = { __typename: 'User', id: encodeId('User', randomUUID()) };
    expect(dataOf<any>(await ada.call(PRESENCE, { reps: [nobody] }), '_entities')).toEqual([{ id: nobody.id, presence: null }]);
  });
});
