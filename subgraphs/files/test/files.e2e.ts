import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { files } from '../src/data/tables';
import { filesUnder } from './harness';

/**
 * Through the gateway: uploads and downloads on the gateway's own origin (its public path `/files`
 * hands them to the files subgraph), `me { files }` resolving the user in accounts and the list
 * here, and account deletion reaching the stored objects.
 */
let graph: TestGraph;
let origin: string;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mosaic-files-e2e-'));
  process.env.FILES_DIR = join(dataDir, 'objects');
  process.env.FILES_UPLOADS_DIR = join(dataDir, 'uploads');
  graph = await startTestGraph();
  origin = new URL(graph.gatewayUrl).origin;
});
afterAll(async () => {
  await graph.close();
  await rm(dataDir, { recursive: true, force: true });
});

const upload = (token: string, name: string, body: string) =>
  fetch(`${origin}/files/upload?name=${encodeURIComponent(name)}`, { method: 'POST', body, headers: { authorization: `Bearer ${token}` } });

describe('files through the gateway', () => {
  it('uploads a receipt, downloads it through a signed URL; another user cannot read it', async () => {
    const { token } = await graph.signUp('files-e2e@example.com');
    const answer = await upload(token, 'receipt.txt', 'Coffee 3.20 EUR');
    expect(answer.status).toBe(201);
    const { id } = (await answer.json()) as { id: string };
    const me = await graph.call(`{ me { email files { edges { node { id name contentType owner { displayName } downloadUrl } } } storageUsage { bytesUsed fileCount } } }`, {}, token);
    expect(me.errors).toBeUndefined();
    const node = me.data!.me.files.edges[0].node;
    expect(node).toMatchObject({ id, name: 'receipt.txt', contentType: 'text/plain', owner: { displayName: 'files-e2e' } });
    expect(me.data!.me.storageUsage).toEqual({ bytesUsed: 15, fileCount: 1 });
    const download = await fetch(`${origin}${new URL(node.downloadUrl).pathname}`);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('Coffee 3.20 EUR');

    const other = await graph.signUp('files-e2e-other@example.com');
    const theirs = await graph.call(`query($id: ID!) { file(id: $id) { name } }`, { id }, other.token);
    expect(theirs.data).toEqual({ file: null });
  });

  it('resumes a tus upload on the gateway origin (Location relative to it)', async () => {
    const { token } = await graph.signUp('files-tus-e2e@example.com');
    const headers = { 'tus-resumable': '1.0.0', authorization: `Bearer ${token}` };
    const content = Buffer.from('a'.repeat(1000));
    const created = await fetch(`${origin}/files/tus`, { method: 'POST', headers: { ...headers, 'upload-length': '1000', 'upload-metadata': `filename ${Buffer.from('notes.txt').toString('base64')}` } });
    expect(created.status).toBe(201);
    const url = `${origin}${created.headers.get('location')}`;
    const patch = (offset: number, bytes: Buffer) =>
      fetch(url, { method: 'PATCH', headers: { ...headers, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, body: new Uint8Array(bytes) });
    expect((await patch(0, content.subarray(0, 400))).headers.get('upload-offset')).toBe('400');
    const head = await fetch(url, { method: 'HEAD', headers });
    expect(head.headers.get('upload-offset')).toBe('400');
    const done = await patch(400, content.subarray(400));
    expect(done.status).toBe(204);
    const id = done.headers.get('file-id');
    expect((await graph.call(`query($id: ID!) { file(id: $id) { name size } }`, { id }, token)).data).toEqual({ file: { name: 'notes.txt', size: 1000 } });
  });

  it("removes a user's files and their stored objects when the account is deleted (account.deleted from accounts)", async () => {
    const { token, userId } = await graph.signUp('files-leaving@example.com');
    const before = (await filesUnder(process.env.FILES_DIR!)).length;
    expect((await upload(token, 'soon-gone.txt', 'bye')).status).toBe(201);
    expect((await filesUnder(process.env.FILES_DIR!)).length).toBe(before + 1);
    const deleted = await graph.call(`mutation { deleteAccount(input: { password: "velvet-otter-lantern" }) { userId } }`, {}, token);
    expect(deleted.errors).toBeUndefined();
    const left = async () => (await graph.database.db().select({ n: count() }).from(files).where(eq(files.ownerId, decodeId('User', userId))))[0]!.n;
    await expect.poll(left, { timeout: 10_000 }).toBe(0);
    expect((await filesUnder(process.env.FILES_DIR!)).length).toBe(before);
  });
});
