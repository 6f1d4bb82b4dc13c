import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInternalAddress, safeFetch, SafeFetchError } from '../src/index';

/** A local site on 127.0.0.2: a page, redirects, an endless page, one that never answers. */
let site: Server;
let origin: string;
let port: number;
const endless = { closed: false, sent: 0 };
beforeAll(async () => {
  site = createServer((req, res) => {
    if (req.url === '/page') return res.writeHead(200, { 'content-type': 'text/html' }).end('<title>hello</title>');
    if (req.url === '/to-page') return res.writeHead(302, { location: '/page' }).end();
    if (req.url === '/to-loopback') return res.writeHead(302, { location: `http://127.0.0.1:${port}/page` }).end();
    if (req.url === '/to-ftp') return res.writeHead(302, { location: 'ftp://example.org/file' }).end();
    if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/silent') return; // never answers
    if (req.url === '/endless') {
      // "10 GB" of page: chunks for as long as the client keeps reading.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) endless.sent += chunk.length;
      };
      res.on('drain', pump);
      res.on('close', () => (endless.closed = true));
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

/** Only the test server's own address, named explicitly. */
const LOCAL = { allowInternal: ['127.0.0.2/32'] };

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SafeFetchError);
  return (error as SafeFetchError).reason;
}

describe('safeFetch', () => {
  it('fetches a page and follows a redirect when the address is explicitly allowed', async () => {
    const page = await safeFetch(`${origin}/to-page`, LOCAL);
    expect(page).toMatchObject({ url: `${origin}/page`, status: 200, address: '127.0.0.2', truncated: false });
    expect(page.body.toString()).toBe('<title>hello</title>');
  });

  it('refuses loopback, private and link-local addresses by default, before connecting', async () => {
    expect(await refusal(safeFetch(`${origin}/page`))).toBe('address');
    expect(await refusal(safeFetch('http://127.0.0.1/'))).toBe('address');
    expect(await refusal(safeFetch('http://[::1]/'))).toBe('address');
    expect(await refusal(safeFetch('http://169.254.169.254/latest/meta-data/'))).toBe('address');
    expect(await refusal(safeFetch('http://localhost/', { resolve: async () => [{ address: '127.0.0.1', family: 4 }] }))).toBe('address');
  });

  it('refuses a name when any of its addresses is internal', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.5', family: 4 },
    ];
    expect(await refusal(safeFetch('http://mixed.example/', { resolve }))).toBe('address');
  });

  it('re-checks every redirect: one to an address not allowed, or to another scheme, is refused', async () => {
    expect(await refusal(safeFetch(`${origin}/to-loopback`, LOCAL))).toBe('address');
    expect(await refusal(safeFetch(`${origin}/to-ftp`, LOCAL))).toBe('scheme');
    expect(await refusal(safeFetch(`${origin}/loop`, LOCAL))).toBe('redirects');
  });

  it('only fetches http and https', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/', 'gopher://127.0.0.2/', 'not a url']) expect(await refusal(safeFetch(url))).toBe('scheme');
  });

  it('connects to the address it checked: a name that resolves elsewhere a moment later (DNS rebinding) cannot redirect the connection', async () => {
    // First answer: the allowed test server. Any later answer: loopback 127.0.0.1, where nothing listens on this port.
    let calls = 0;
    const resolve = async () => (calls++ === 0 ? [{ address: '127.0.0.2', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]);
    const page = await safeFetch(`http://rebind.example:${port}/page`, { ...LOCAL, resolve });
    expect(page.address).toBe('127.0.0.2');
    expect(page.body.toString()).toBe('<title>hello</title>');
    expect(calls).toBe(1);
  });

  it('cuts an endless page at the size limit and closes the connection', async () => {
    const page = await safeFetch(`${origin}/endless`, { ...LOCAL, maxBytes: 1024 * 1024 });
    expect(page.truncated).toBe(true);
    expect(page.body.length).toBe(1024 * 1024);
    await expect.poll(() => endless.closed, { timeout: 10_000 }).toBe(true);
  });

  it('gives up on a server that does not answer once the deadline passes', async () => {
    expect(await refusal(safeFetch(`${origin}/silent`, { ...LOCAL, timeoutMs: 300 }))).toBe('timeout');
  });

  it('knows the internal ranges', () => {
    for (const address of ['10.1.2.3', '172.16.0.1', '192.168.1.1', '127.0.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:7f00:1']) {
      expect(isInternalAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) expect(isInternalAddress(address), address).toBe(false);
  });
});
