import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, wsClient } from '@mosaic/testing';
import { EDIT, LIVE_MENTIONS, newChatter, startChat, type ChatApp, type Chatter } from './harness';

let app: ChatApp;
beforeAll(async () => {
  app = await startChat();
});
afterAll(() => app.close());

const at = (user: Chatter) => `<@${user.publicId}>`;

async function openMentions(user: Chatter) {
  const client = wsClient(app.wsUrl, user.token);
  const stream = collect(client, LIVE_MENTIONS);
  await expect.poll(() => app.mentionListeners(user.publicId), { timeout: 5_000 }).toBe(1);
  return {
    stream,
    async close() {
      stream.stop();
      await client.dispose();
    },
  };
}

describe('live mentions (Subscription.chatMentions)', () => {
  it('pushes each new mention to the mentioned member only, also one added by an edit; nothing for outsiders or the author', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const cy = await newChatter(app);
    const outsider = await newChatter(app);
    const room = await ada.createRoom({ name: 'Mentions' });
    await bob.join(room.id);
    await cy.join(room.id);
    const [bobs, cys, outsiders, adas] = [await openMentions(bob), await openMentions(cy), await openMentions(outsider), await openMentions(ada)];

    const first = await ada.send(room.id, `${at(bob)} ${at(outsider)} ${at(ada)} have a look`);
    const plain = await ada.send(room.id, 'no mention yet');
    await ada.call(EDIT, { id: plain.id, text: `now for ${at(cy)} and ${at(bob)}` });
    // Editing again without a new mention notifies nobody a second time.
    await ada.call(EDIT, { id: plain.id, text: `now for ${at(cy)} and ${at(bob)}!` });
    const last = await ada.send(room.id, `last one, ${at(cy)}`);

    const bobGot = await bobs.stream.waitFor(2);
    expect(bobGot.map((r) => r.data!.chatMentions)).toEqual([
      { id: first.id, text: first.text, author: { id: ada.publicId }, room: { id: room.id }, mentions: [{ id: bob.publicId }] },
      expect.objectContaining({ id: plain.id, text: `now for ${at(cy)} and ${at(bob)}` }),
    ]);
    expect((await cys.stream.waitFor(2)).map((r) => r.data!.chatMentions.id)).toEqual([plain.id, last.id]);
    // A later mention reached bob's and cy's streams, so nothing else is on its way to them or the others.
    const marker = await ada.send(room.id, `${at(bob)} ${at(cy)} done`);
    expect((await bobs.stream.waitFor(3))[2]!.data!.chatMentions.id).toBe(marker.id);
    expect((await cys.stream.waitFor(3))[2]!.data!.chatMentions.id).toBe(marker.id);
    await outsider.join(room.id);
    const forOutsider = await ada.send(room.id, `welcome ${at(outsider)}`);
    expect((await outsiders.stream.waitFor(1))[0]!.data!.chatMentions.id).toBe(forOutsider.id);
    expect(adas.stream.results).toEqual([]);
    for (const open of [bobs, cys, outsiders, adas]) await open.close();
  });
});
