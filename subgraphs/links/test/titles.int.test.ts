import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shorten, startLinks, UPDATE, FIND } from './harness';

/** A local site: a page with a title, one that redirects to it, and one that is not HTML. */
let site: Server;
let origin: string;
let requests = 0;
beforeAll(async () => {
  site = createServer((req, res) => {
    requests++;
    if (req.url === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<!doctype html><html><head><title>A page &amp; its title</title></head><body>…</body></html>');
    }
    if (req.url === '/moved') {
      res.writeHead(301, { location: '/page' });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"title":"not html"}');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => site.close(resolve)));

const TITLE = `query($id: ID!) { link(id: $id) { title } }`;

describe('titles fetched in the background', () => {
  it('are read from the target page (following redirects) unless one was given', async () => {
    const app = await startLinks({ env: { LINKS_TITLE_FETCH: 'any' } });
    try {
      const user = await app.auth.newUser();
      const plain = await shorten(app, user.token, { url: `${origin}/page` });
      const moved = await shorten(app, user.token, { url: `${origin}/moved` });
      const given = await shorten(app, user.token, { url: `${origin}/page`, title: 'Mine' });
      const json = await shorten(app, user.token, { url: `${origin}/data` });
      await app.built.titles.settled();
      const title = async (id: string) => (await app.call(TITLE, { id }, user.token)).data!.link.title;
      expect(await title(plain.id)).toBe('A page & its title');
      expect(await title(moved.id)).toBe('A page & its title');
      expect(await title(given.id)).toBe('Mine');
      expect(await title(json.id)).toBeNull();
      // A new target without a title is read again.
      await app.call(UPDATE, { id: json.id, input: { url: `${origin}/page` } }, user.token);
      await app.built.titles.settled();
      expect(await title(json.id)).toBe('A page & its title');
      expect((await app.call(FIND, { id: plain.id }, user.token)).errors).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('never reach internal addresses in the default (public) mode', async () => {
    const app = await startLinks({ env: { LINKS_TITLE_FETCH: 'public' } });
    try {
      const user = await app.auth.newUser();
      const before = requests;
      const link = await shorten(app, user.token, { url: `${origin}/page` });
      await app.built.titles.settled();
      expect((await app.call(TITLE, { id: link.id }, user.token)).data!.link.title).toBeNull();
      expect(requests).toBe(before);
    } finally {
      await app.close();
    }
  });
});
