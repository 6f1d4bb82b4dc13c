import { describe, expect, it } from 'vitest';
import { createLogger, createRoutedServer, listen, matchPublicPath, publicPathTable, sendJson } from '../src/index';

const log = createLogger('test', { level: 'silent' });

describe('public path tables', () => {
  const table = publicPathTable([
    { owner: 'links', prefixes: ['/'] },
    { owner: 'files', prefixes: ['/f', '/downloads/'] },
  ]);

  it('match whole segments, the longest prefix first', () => {
    expect(matchPublicPath(table, '/f')).toBe('files');
    expect(matchPublicPath(table, '/f/abc')).toBe('files');
    expect(matchPublicPath(table, '/fx')).toBe('links');
    expect(matchPublicPath(table, '/downloads/x')).toBe('files');
    expect(matchPublicPath(table, '/abc')).toBe('links');
    expect(matchPublicPath(publicPathTable([{ owner: 'files', prefixes: ['/f'] }]), '/abc')).toBeUndefined();
  });

  it("refuse the gateway's own paths, clashes between owners and things that are not paths", () => {
    expect(() => publicPathTable([{ owner: 'x', prefixes: ['/graphql'] }])).toThrow(/gateway's own/);
    expect(() => publicPathTable([{ owner: 'x', prefixes: ['/healthz'] }])).toThrow(/gateway's own/);
    expect(() => publicPathTable([{ owner: 'x', prefixes: ['/s'] }, { owner: 'y', prefixes: ['/s'] }])).toThrow(/both x and y/);
    expect(() => publicPathTable([{ owner: 'x', prefixes: ['s'] }])).toThrow(/starting with/);
  });
});

describe('routed servers', () => {
  it('answer exact routes first and hand every other path to the fallback', async () => {
    const server = createRoutedServer({ '/graphql': async (_req, res) => sendJson(res, 200, { route: 'graphql' }) }, log, async (req, res) => sendJson(res, 200, { fallback: req.url }));
    const running = await listen(server, 0, '127.0.0.1');
    try {
      expect(await (await fetch(`${running.url}/graphql?x=1`)).json()).toEqual({ route: 'graphql' });
      expect(await (await fetch(`${running.url}/abc?x=1`)).json()).toEqual({ fallback: '/abc?x=1' });
    } finally {
      await running.close();
    }
    const plain = await listen(createRoutedServer({}, log), 0, '127.0.0.1');
    try {
      expect((await fetch(`${plain.url}/abc`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
