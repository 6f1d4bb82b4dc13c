import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { newMember, startNotes, type EdgeView, type NotesApp } from './harness';

let app: NotesApp;
let ada: Awaited<ReturnType<typeof newMember>>;
beforeAll(async () => {
  app = await startNotes();
  ada = await newMember(app);
  await ada.create({ title: 'Morning run', body: 'Ran 5k along the river before work.' });
  await ada.create({ title: 'Shoes', body: 'I keep running out of good running shoes.' });
  await ada.create({ title: 'Tea notes', body: 'Green tea wants water at 80 degrees; black tea at 95.' });
  await ada.create({ title: 'Garden', body: 'The tea is green with envy of the roses.' });
  await ada.create({ title: 'Coffee', body: 'Espresso ratio 1:2, 28 seconds.' });
  await ada.create({ title: 'Dinner ideas', body: 'Pasta with pesto.', tags: ['recipes'] });
  // Someone else's matching note must never show up.
  const other = await newMember(app);
  await other.create({ title: 'Running club', body: 'run run run' });
});
afterAll(() => app.close());

const titles = (edges: EdgeView[]) => edges.map((e) => e.node.title);
const search = async (text: string, extra: Record<string, unknown> = {}) => (await ada.list({ search: text, ...extra })).edges;

describe('full-text search', () => {
  it('stems English words: "run" finds running and "runs" finds run, in titles and bodies', async () => {
    expect(titles(await search('run')).sort()).toEqual(['Morning run', 'Shoes']);
    expect(titles(await search('runs')).sort()).toEqual(['Morning run', 'Shoes']);
  });

  it('matches an exact phrase in quotes, and only in that order', async () => {
    expect(titles(await search('"green tea"'))).toEqual(['Tea notes']);
    expect(titles(await search('green tea')).sort()).toEqual(['Garden', 'Tea notes']);
  });

  it('excludes words with a minus and joins alternatives with or', async () => {
    expect(titles(await search('tea -green'))).toEqual([]);
    expect(titles(await search('tea -roses'))).toEqual(['Tea notes']);
    expect(titles(await search('espresso or pesto')).sort()).toEqual(['Coffee', 'Dinner ideas']);
  });

  it('finds notes by their tags (stemmed too)', async () => {
    expect(titles(await search('recipe'))).toEqual(['Dinner ideas']);
  });

  it('ranks title matches above body matches, with the rank on the edge, best first', async () => {
    const edges = await search('run');
    expect(titles(edges)).toEqual(['Morning run', 'Shoes']);
    expect(edges[0]!.rank!).toBeGreaterThan(edges[1]!.rank!);
  });

  it('returns a plain-text highlight with the positions of the matching words', async () => {
    const [edge] = await search('shoes');
    expect(edge!.highlight!.text).toContain('running shoes');
    expect(edge!.highlight!.text).not.toMatch(/[\uE000\uE001<>]/);
    const marked = edge!.highlight!.matches.map(({ start, length }) => edge!.highlight!.text.slice(start, start + length).toLowerCase());
    expect(marked).toEqual(['shoes', 'shoes']);

    const [stemmed] = await search('run');
    const words = stemmed!.highlight!.matches.map(({ start, length }) => stemmed!.highlight!.text.slice(start, start + length).toLowerCase());
    expect(words).toContain('run');
  });

  it('has no rank or highlight without a search', async () => {
    const { edges } = await ada.list({ first: 1 });
    expect(edges[0]).toMatchObject({ rank: null, highlight: null });
  });

  it('combines search with filters and other orders; totalCount counts the matches', async () => {
    const connection = await ada.list({ search: 'tea', orderBy: 'TITLE' });
    expect(titles(connection.edges)).toEqual(['Garden', 'Tea notes']);
    expect(connection.totalCount).toBe(2);
    expect(titles((await ada.list({ search: 'pasta', filter: { tags: ['recipes'] } })).edges)).toEqual(['Dinner ideas']);
    expect((await ada.list({ search: 'pasta', filter: { tags: ['work'] } })).edges).toEqual([]);
  });

  it('treats a blank search as none, and one of only very common words as matching nothing', async () => {
    expect((await ada.list({ search: '   ' })).totalCount).toBe(6);
    expect(await search('the and of')).toEqual([]);
  });

  it('refuses a search over 200 characters, and RELEVANCE without a search, naming the argument', async () => {
    const long = await ada.notes({ search: 'x'.repeat(201) });
    expect(errorCodes(long)).toEqual(['BAD_USER_INPUT']);
    expect(long.errors![0]!.extensions!.field).toBe('search');
    const relevance = await ada.notes({ orderBy: 'RELEVANCE' });
    expect(errorCodes(relevance)).toEqual(['BAD_USER_INPUT']);
    expect(relevance.errors![0]!.extensions!.field).toBe('orderBy');
  });

  it('pages through equally ranked matches without skipping or repeating (ties broken by id)', async () => {
    const bea = await newMember(app);
    for (let i = 0; i < 7; i++) await bea.create({ title: `Identical ${i}`, body: 'kiwi smoothie' });
    await bea.create({ title: 'Kiwi', body: 'kiwi kiwi kiwi' });
    const onePage = (await bea.list({ search: 'kiwi', first: 100 })).edges.map((e) => e.node.title);
    expect(onePage[0]).toBe('Kiwi');
    expect(new Set(onePage).size).toBe(8);
    expect(await bea.allTitles({ search: 'kiwi' }, 3)).toEqual(onePage);
  });
});
