import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createLogger, createRoutedServer, freePort, listen, readBody, sendJson } from '@mosaic/kit';
import { parsePublicPathUpstreams, publicPathProxy } from '../src/http/public-path-proxy';

const log = createLogger('test', { level: 'silent' });

describe('PUBLIC_PATH_UPSTREAMS', () => {
  it('reads prefix=url pairs and refuses anything else', () => {
    expect(parsePublicPathUpstreams('/=http://links:4006, /f=http://files:4010')).toEqual([
      { prefix: '/', url: 'http://links:4006' },
      { prefix: '/f', url: 'http://files:4010' },
    ]);
    expect(parsePublicPathUpstreams('')).toEqual([]);
    expect(() => parsePublicPathUpstreams('/=links:4006')).toThrow();
    expect(() => parsePublicPathUpstreams('http://links:4006')).toThrow();
  });
});

describe('the public path proxy', () => {
  it("forwards method, path, query, body and the client's address, and passes the answer back unchanged", async () => {
    const upstream = createServer(async (req, res) => {
      const body = await readBody(req, 1024);
      res.writeHead(302, { location: 'https://example.com/target', 'x-upstream': 'yes' });
      res.end(JSON.stringify({ method: req.method, url: req.url, body, forwardedFor: req.headers['x-forwarded-for'], host: req.headers['x-forwarded-host'] }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const gateway = await listen(
      createRoutedServer({ '/graphql': async (_req, res) => sendJson(res, 200, { gateway: true }) }, log, publicPathProxy([{ prefix: '/', url: upstreamUrl }], { trustProxy: false, timeoutMs: 2_000 })),
      0,
      '127.0.0.1',
    );
    try {
      const answer = await fetch(`${gateway.url}/abc?x=1`, { method: 'POST', body: 'password=secret', redirect: 'manual', headers: { 'x-forwarded-for': '6.6.6.6' } });
      expect(answer.status).toBe(302);
      expect(answer.headers.get('location')).toBe('https://example.com/target');
      expect(answer.headers.get('x-upstream')).toBe('yes');
      const seen = (await answer.json()) as Record<string, string>;
      // Not trusting proxies, the gateway replaces a client-sent X-Forwarded-For with the address it saw.
      expect(seen).toMatchObject({ method: 'POST', url: '/abc?x=1', body: 'password=secret', forwardedFor: '127.0.0.1' });
      expect(seen.host).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${gateway.url}/graphql`)).json()).toEqual({ gateway: true });
    } finally {
      await gateway.close();
      await new Promise((resolve) => upstream.close(resolve));
    }
  });

  it('answers 502 when the upstream is down', async () => {
    const gateway = await listen(createRoutedServer({}, log, publicPathProxy([{ prefix: '/', url: `http://127.0.0.1:${await freePort()}` }], { trustProxy: false, timeoutMs: 2_000 })), 0, '127.0.0.1');
    try {
      expect((await fetch(`${gateway.url}/abc`)).status).toBe(502);
    } finally {
      await gateway.close();
    }
  });
});
