import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { files } from '../src/data/tables';
import { DELETE, FIND, samples, startFiles, type FilesApp } from './harness';
import { startLocalS3 } from './s3-server';

const FIND_THUMBNAIL = `query($id: ID!) { file(id: $id) { thumbnailUrl } }`;
const tusHeaders = (token: string, extra: Record<string, string> = {}) => ({ 'tus-resumable': '1.0.0', authorization: `Bearer ${token}`, ...extra });

let s3: Awaited<ReturnType<typeof startLocalS3>>;
const apps: Record<string, FilesApp> = {};
beforeAll(async () => {
  s3 = await startLocalS3();
  apps.local = await startFiles();
  apps.s3 = await startFiles(s3.env);
});
afterAll(async () => {
  await apps.local?.close();
  await apps.s3?.close();
  await s3.close();
});

describe.each(['local', 's3'])('on %s storage', (backend) => {
  it('simple upload, ranged download, thumbnail from file.uploaded, deletion removes the objects', async () => {
    const app = apps[backend]!;
    expect(app.built.storage.kind).toBe(backend === 's3' ? 's3' : 'local-disk');
    const user = await app.auth.newUser();
    const png = await samples.png(1200, 800);
    const answer = await app.upload(user.token, 'photo.png', png);
    expect(answer.status).toBe(201);
    const { id } = (await answer.json()) as { id: string };
    const file = (await app.call(FIND, { id }, user.token)).data!.file;
    const ranged = await app.fetchSigned(file.downloadUrl, { headers: { range: 'bytes=0-7' } });
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer())).toEqual(png.subarray(0, 8));
    const whole = Buffer.from(await (await app.fetchSigned(file.downloadUrl)).arrayBuffer());
    expect(createHash('sha256').update(whole).digest('hex')).toBe(file.sha256);

    // The thumbnail is made after the commit, from the file.uploaded event.
    const thumbnailUrl = async () => (await app.call(FIND_THUMBNAIL, { id }, user.token)).data!.file.thumbnailUrl as string | null;
    await expect.poll(thumbnailUrl, { timeout: 15_000 }).not.toBeNull();
    const thumbnail = await app.fetchSigned((await thumbnailUrl())!);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 256, height: 171 });

    const [row] = await app.database.db().select().from(files).where(eq(files.ownerId, user.userId));
    expect(await app.built.storage.head(row!.storageKey)).not.toBeNull();
    expect((await app.call(DELETE, { id }, user.token)).errors).toBeUndefined();
    expect(await app.built.storage.head(row!.storageKey)).toBeNull();
    expect(await app.built.storage.head(row!.thumbnailKey!)).toBeNull();
  });

  it('a tus upload in two parts lands in this storage', async () => {
    const app = apps[backend]!;
    const user = await app.auth.newUser();
    const content = Buffer.alloc(6 * 1024 * 1024 + 5, 'q');
    const created = await fetch(`${app.origin}/files/tus`, { method: 'POST', headers: tusHeaders(user.token, { 'upload-length': String(content.length), 'upload-metadata': `filename ${Buffer.from('log.txt').toString('base64')}` }) });
    const url = `${app.origin}${created.headers.get('location')}`;
    const half = 3 * 1024 * 1024;
    const first = await fetch(url, { method: 'PATCH', headers: { ...tusHeaders(user.token), 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, body: new Uint8Array(content.subarray(0, half)) });
    expect(first.headers.get('upload-offset')).toBe(String(half));
    const last = await fetch(url, { method: 'PATCH', headers: { ...tusHeaders(user.token), 'upload-offset': String(half), 'content-type': 'application/offset+octet-stream' }, body: new Uint8Array(content.subarray(half)) });
    const fileId = last.headers.get('file-id')!;
    const [row] = await app.database.db().select().from(files).where(eq(files.ownerId, user.userId));
    expect(await app.built.storage.head(row!.storageKey)).toEqual({ size: content.length });
    expect((await app.call(FIND, { id: fileId }, user.token)).data!.file.size).toBe(content.length);
  });
});
