import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTrustedDocuments } from '../src/http/trusted-documents';

const dir = mkdtempSync(join(tmpdir(), 'trusted-'));
const shared = join(dir, 'shared.json');
const web = join(dir, 'web.json');
writeFileSync(shared, JSON.stringify({ 'sha256:aaa': 'query A { a }' }));
writeFileSync(web, JSON.stringify({ 'sha256:bbb': 'query B { b }' }));
const byId = (hash: string) => ({ operationName: 'X', extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

describe('trusted documents', () => {
  it('reads several manifests (comma-separated) as one allow-list', () => {
    const strict = loadTrustedDocuments('strict', `${shared}, ${web}`);
    expect(strict.resolve(byId('aaa'))).toEqual({ params: { operationName: 'X', query: 'query A { a }' } });
    expect(strict.resolve(byId('bbb'))).toEqual({ params: { operationName: 'X', query: 'query B { b }' } });
    expect(strict.resolve(byId('ccc'))).toMatchObject({ refused: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
  });

  it('off: resolves ids of the manifests that exist, leaves other ids (automatic persisted queries) and documents alone', () => {
    const off = loadTrustedDocuments('off', `${shared},${join(dir, 'missing.json')}`);
    expect(off.resolve(byId('aaa'))).toEqual({ params: { operationName: 'X', query: 'query A { a }' } });
    expect(off.resolve(byId('ccc'))).toEqual({ params: byId('ccc') });
    expect(off.resolve({ query: '{ anything }' })).toEqual({ params: { query: '{ anything }' } });
    expect(off.resolve([{ query: '{ a }' }, { query: '{ b }' }])).toEqual({ params: [{ query: '{ a }' }, { query: '{ b }' }] });
  });
});
