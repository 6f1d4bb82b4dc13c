import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { errorCodes } from '@mosaic/testing';
import { watchlists, watchlistSymbols } from '../src/data/tables';
import { entitiesOf, startStocks, type StocksApp } from './harness';

let app: StocksApp;
beforeAll(async () => {
  app = await startStocks();
});
afterAll(() => app.close());

const FIELDS = 'id name symbols instruments { symbol name } createdAt updatedAt';
const CREATE = `mutation($input: CreateWatchlistInput!) { createWatchlist(input: $input) { ${FIELDS} } }`;
const rowCounts = async () => {
  const db = app.database.db();
  return { lists: (await db.select({ n: count() }).from(watchlists))[0]!.n, items: (await db.select({ n: count() }).from(watchlistSymbols))[0]!.n };
};

async function member() {
  const user = await app.auth.newUser();
  const call = (query: string, variables: Record<string, unknown> = {}) => app.call(query, variables, user.token);
  return {
    ...user,
    call,
    async create(input: Record<string, unknown>) {
      const result = await call(CREATE, { input });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!.createWatchlist;
    },
    async lists() {
      const result = await call(entitiesOf(`watchlists { ${FIELDS} }`), { id: user.publicId });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!._entities[0].watchlists as { id: string; name: string; symbols: string[] }[];
    },
  };
}

describe('watchlists', () => {
  it('creates watchlists with normalised, de-duplicated symbols, in order, listed through User.watchlists', async () => {
    const ada = await member();
    const tech = await ada.create({ name: '  Tech  ', symbols: ['aapl', 'MSFT', 'AAPL', 'nvda'] });
    expect(tech).toMatchObject({ name: 'Tech', symbols: ['AAPL', 'MSFT', 'NVDA'], instruments: [{ symbol: 'AAPL', name: 'Apple Inc.' }, { symbol: 'MSFT' }, { symbol: 'NVDA' }] });
    expect(Buffer.from(tech.id, 'base64url').toString()).toMatch(/^Watchlist:/);
    await ada.create({ name: 'Empty' });
    expect((await ada.lists()).map((list) => [list.name, list.symbols])).toEqual([
      ['Tech', ['AAPL', 'MSFT', 'NVDA']],
      ['Empty', []],
    ]);
  });

  it('adds (appending, keeping existing places), removes and reorders symbols', async () => {
    const ada = await member();
    const list = await ada.create({ name: 'Mix', symbols: ['ACME', 'GLOBX'] });
    const add = await ada.call(`mutation($id: ID!) { addWatchlistSymbols(id: $id, symbols: ["hooli", "acme", "UMBRL"]) { symbols updatedAt } }`, { id: list.id });
    expect(add.data!.addWatchlistSymbols.symbols).toEqual(['ACME', 'GLOBX', 'HOOLI', 'UMBRL']);
    expect(Date.parse(add.data!.addWatchlistSymbols.updatedAt)).toBeGreaterThanOrEqual(Date.parse(list.updatedAt));
    const removed = await ada.call(`mutation($id: ID!) { removeWatchlistSymbols(id: $id, symbols: ["GLOBX", "IBM"]) { symbols } }`, { id: list.id });
    expect(removed.data!.removeWatchlistSymbols.symbols).toEqual(['ACME', 'HOOLI', 'UMBRL']);
    const reordered = await ada.call(`mutation($id: ID!) { reorderWatchlistSymbols(id: $id, symbols: ["UMBRL", "ACME", "HOOLI"]) { symbols } }`, { id: list.id });
    expect(reordered.data!.reorderWatchlistSymbols.symbols).toEqual(['UMBRL', 'ACME', 'HOOLI']);
    const partial = await ada.call(`mutation($id: ID!) { reorderWatchlistSymbols(id: $id, symbols: ["UMBRL", "ACME"]) { symbols } }`, { id: list.id });
    expect(errorCodes(partial)).toEqual(['BAD_USER_INPUT']);
    expect(partial.errors![0]!.message).toMatch(/exactly once/);
  });

  it('renames, refuses a duplicate name (ignoring case) with CONFLICT, and deletes', async () => {
    const ada = await member();
    const a = await ada.create({ name: 'Alpha' });
    await ada.create({ name: 'Beta' });
    const clash = await ada.call(`mutation($id: ID!) { renameWatchlist(id: $id, name: "BETA") { name } }`, { id: a.id });
    expect(errorCodes(clash)).toEqual(['CONFLICT']);
    expect(clash.errors![0]!.message).toBe('You already have a watchlist named "BETA".');
    expect(errorCodes(await ada.call(CREATE, { input: { name: 'alpha' } }))).toEqual(['CONFLICT']);
    expect((await ada.call(`mutation($id: ID!) { renameWatchlist(id: $id, name: "Gamma") { name } }`, { id: a.id })).data!.renameWatchlist.name).toBe('Gamma');
    expect((await ada.call(`mutation($id: ID!) { deleteWatchlist(id: $id) }`, { id: a.id })).data!.deleteWatchlist).toBe(a.id);
    expect((await ada.lists()).map((list) => list.name)).toEqual(['Beta']);
  });

  it.each([
    ['an empty name', { name: '   ' }, 'input.name'],
    ['a 61-character name', { name: 'x'.repeat(61) }, 'input.name'],
    ['a name with a line break', { name: 'two\nlines' }, 'input.name'],
    ['an unknown symbol', { name: 'ok', symbols: ['ACME', 'NOPE'] }, 'input.symbols.1'],
    ['a malformed symbol', { name: 'ok', symbols: ['$$$'] }, 'input.symbols.0'],
    ['101 symbols', { name: 'ok', symbols: Array.from({ length: 101 }, () => 'ACME') }, 'input.symbols'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_case, input, field) => {
    const ada = await member();
    const before = await rowCounts();
    const result = await ada.call(CREATE, { input });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(await rowCounts()).toEqual(before);
  });

  it('keeps a user at 20 watchlists', async () => {
    const ada = await member();
    for (let i = 0; i < 20; i++) await ada.create({ name: `list ${i}` });
    const result = await ada.call(CREATE, { input: { name: 'one too many' } });
    expect(errorCodes(result)).toEqual(['CONFLICT']);
    expect((await ada.lists()).length).toBe(20);
  });

  it('hides everyone else’s watchlists: NOT_FOUND for changes, FORBIDDEN for User.watchlists', async () => {
    const ada = await member();
    const bob = await member();
    const list = await ada.create({ name: 'Private', symbols: ['ACME'] });
    for (const mutation of [
      `mutation($id: ID!) { renameWatchlist(id: $id, name: "mine") { id } }`,
      `mutation($id: ID!) { addWatchlistSymbols(id: $id, symbols: ["IBM"]) { id } }`,
      `mutation($id: ID!) { deleteWatchlist(id: $id) }`,
    ]) {
      expect(errorCodes(await bob.call(mutation, { id: list.id }))).toEqual(['NOT_FOUND']);
    }
    expect(errorCodes(await bob.call(entitiesOf('watchlists { id }'), { id: ada.publicId }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(entitiesOf('watchlists { id }'), { id: ada.publicId }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.call(CREATE, { input: { name: 'anon' } }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await bob.call(`mutation { deleteWatchlist(id: "bm90LWEtd2F0Y2hsaXN0") }`))).toEqual(['BAD_USER_INPUT']);
    expect((await ada.lists())[0]).toMatchObject({ name: 'Private', symbols: ['ACME'] });
  });
});
