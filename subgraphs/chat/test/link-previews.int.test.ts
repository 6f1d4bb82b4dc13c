import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, wsClient } from '@mosaic/testing';
import { EDIT, dataOf, newChatter, startChat, type ChatApp } from './harness';

/** A local site on 127.0.0.2 (reached only because the test names it in the allow-list). */
let site: Server;
let origin: string;
let port: number;
const requests: string[] = [];
let endlessClosed = false;
beforeAll(async () => {
  site = createServer((req, res) => {
    requests.push(req.url!);
    if (req.url === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(`<html><head><title>ignored</title><meta property="og:title" content="Rust &amp; Go">
        <meta property="og:description" content="A comparison."><meta property="og:site_name" content="Blog">
        <meta property="og:image" content="/cover.png"></head></html>`);
    }
    if (req.url === '/plain') return res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Just a title</title>');
    if (req.url === '/data') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"title":"no"}');
    if (req.url === '/endless') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><head><title>Endless</title></head><body>');
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on('drain', pump);
      res.on('close', () => (endlessClosed = true));
      return pump();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.2', resolve));
  port = (site.address() as AddressInfo).port;
  origin = `http://127.0.0.2:${port}`;
});
afterAll(() => {
  site.closeAllConnections();
  return new Promise((resolve) => site.close(resolve));
});

const PREVIEW = 'linkPreview { url title description siteName imageUrl }';
const EVENTS = `subscription($roomId: ID!) {
  messageEvents(roomId: $roomId) { __typename ... on MessagePreviewAdded { message { id ${PREVIEW} } } ... on MessageAdded { message { id ${PREVIEW} } } ... on MessageEdited { message { id ${PREVIEW} } } }
}`;
const SEND_WITH_PREVIEW = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id ${PREVIEW} } }`;
const HISTORY = `query($id: ID!) { room(id: $id) { messages { edges { node { text ${PREVIEW} } } } } }`;

describe('link previews, allowed to reach the local test server', () => {
  let app: ChatApp;
  beforeAll(async () => {
    app = await startChat({ env: { CHAT_LINK_PREVIEWS: 'on', CHAT_PREVIEW_ALLOW_INTERNAL: '127.0.0.2/32' } });
  });
  afterAll(() => app.close());

  it('are fetched after the message is posted, stored, and pushed as MessagePreviewAdded', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom();
    const client = wsClient(app.wsUrl, ada.token);
    const stream = collect(client, EVENTS, { roomId: room.id });
    await expect.poll(() => app.listeners(room.id), { timeout: 5_000 }).toBe(1);

    const sent = dataOf<any>(await ada.call(SEND_WITH_PREVIEW, { input: { roomId: room.id, text: `Read this: ${origin}/article.` } }), 'sendMessage');
    expect(sent.linkPreview).toBeNull();
    const [added, previewed] = await stream.waitFor(2, 15_000);
    expect(added!.data!.messageEvents.__typename).toBe('MessageAdded');
    const preview = { url: `${origin}/article`, title: 'Rust & Go', description: 'A comparison.', siteName: 'Blog', imageUrl: `${origin}/cover.png` };
    expect(previewed!.data!.messageEvents).toEqual({ __typename: 'MessagePreviewAdded', message: { id: sent.id, linkPreview: preview } });
    expect(dataOf<any>(await ada.call(HISTORY, { id: room.id }), 'room').messages.edges[0].node.linkPreview).toEqual(preview);

    // An edit to another link replaces the preview; an edit without a link removes it at once.
    await ada.call(EDIT, { id: sent.id, text: `Or this: ${origin}/plain` });
    const [, replaced] = await stream.waitFor(4, 15_000).then((all) => all.slice(2));
    expect(replaced!.data!.messageEvents).toMatchObject({ __typename: 'MessagePreviewAdded', message: { linkPreview: { url: `${origin}/plain`, title: 'Just a title', description: null, imageUrl: null } } });
    const unlinked = dataOf<any>(await ada.call(`mutation($id: ID!) { editMessage(id: $id, text: "no link") { ${PREVIEW} } }`, { id: sent.id }), 'editMessage');
    expect(unlinked.linkPreview).toBeNull();
    stream.stop();
    await client.dispose();
  });

  it('reads an endless page only up to the size limit, and skips pages that are not HTML', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom();
    await ada.send(room.id, `${origin}/endless`);
    await ada.send(room.id, `${origin}/data`);
    await app.previews.settled();
    const nodes = dataOf<any>(await ada.call(HISTORY, { id: room.id }), 'room').messages.edges.map((e: any) => e.node);
    expect(nodes[1].linkPreview).toMatchObject({ title: 'Endless' });
    expect(nodes[0].linkPreview).toBeNull();
    await expect.poll(() => endlessClosed, { timeout: 10_000 }).toBe(true);
  });
});

describe('link previews by default', () => {
  it('never reach internal addresses: a link to loopback or the local server is not fetched', async () => {
    const app = await startChat({ env: { CHAT_LINK_PREVIEWS: 'on' } });
    try {
      const ada = await newChatter(app);
      const room = await ada.createRoom();
      const before = requests.length;
      await ada.send(room.id, `${origin}/article`);
      await ada.send(room.id, `http://127.0.0.1:${port}/article and http://localhost:${port}/article`);
      await ada.send(room.id, `http://169.254.169.254/latest/meta-data/`);
      await app.previews.settled();
      expect(requests.length).toBe(before);
      const nodes = dataOf<any>(await ada.call(HISTORY, { id: room.id }), 'room').messages.edges.map((e: any) => e.node);
      expect(nodes.map((node: any) => node.linkPreview)).toEqual([null, null, null]);
    } finally {
      await app.close();
    }
  });
});
