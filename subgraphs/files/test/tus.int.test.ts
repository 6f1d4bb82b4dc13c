import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tus from 'tus-js-client';
import { FIND, filesUnder, samples, startFiles, type FilesApp } from './harness';

let app: FilesApp;
beforeAll(async () => {
  app = await startFiles({ FILES_MAX_UPLOAD_BYTES: String(8 * 1024 * 1024), FILES_QUOTA_BYTES: String(6 * 1024 * 1024), FILES_UPLOAD_EXPIRY_SECONDS: '3600' });
});
afterAll(() => app.close());

const tusHeaders = (token: string, extra: Record<string, string> = {}) => ({ 'tus-resumable': '1.0.0', authorization: `Bearer ${token}`, ...extra });
const metadata = (fields: Record<string, string>) => Object.entries(fields).map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`).join(',');

async function create(token: string, length: number, name: string): Promise<Response> {
  return fetch(`${app.origin}/files/tus`, { method: 'POST', headers: tusHeaders(token, { 'upload-length': String(length), 'upload-metadata': metadata({ filename: name }) }) });
}

/** Sends `bytes` as a PATCH at `offset`, then drops the connection after `dropAfter` bytes (no response awaited). */
function patchThenDrop(url: string, token: string, offset: number, bytes: Buffer, dropAfter: number): Promise<void> {
  return new Promise((resolve) => {
    const req = request(url, {
      method: 'PATCH',
      headers: { ...tusHeaders(token), 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(bytes.length) },
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(bytes.subarray(0, dropAfter), () => setImmediate(() => req.destroy()));
  });
}

const offsetOf = async (url: string, token: string) => {
  const head = await fetch(url, { method: 'HEAD', headers: tusHeaders(token) });
  return { status: head.status, offset: Number(head.headers.get('upload-offset')) };
};

describe('tus resumable uploads (/files/tus)', () => {
  it('resumes after a dropped connection and ends as one stored file with the right SHA-256', async () => {
    const user = await app.auth.newUser();
    const png = await samples.png(1600, 1200);
    const content = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024 - png.length, 7)]).subarray(0, Math.max(png.length, 2 * 1024 * 1024));
    const created = await create(user.token, content.length, 'big picture.png');
    expect(created.status).toBe(201);
    const url = `${app.origin}${created.headers.get('location')}`;
    expect(created.headers.get('location')).toMatch(/^\/files\/tus\/[0-9a-f]+$/);

    // Half the file arrives, then the connection drops mid-request.
    await patchThenDrop(url, user.token, 0, content, content.length / 2);
    // The server keeps what it received; wait until the interrupted request has been written out.
    await expect.poll(async () => (await offsetOf(url, user.token)).offset, { timeout: 10_000 }).toBeGreaterThan(0);
    const { offset } = await offsetOf(url, user.token);
    expect(offset).toBeLessThanOrEqual(content.length / 2);

    // Someone else cannot see or continue it.
    const stranger = await app.auth.newUser();
    expect((await offsetOf(url, stranger.token)).status).toBe(404);

    const resumed = await fetch(url, {
      method: 'PATCH',
      headers: { ...tusHeaders(user.token), 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
      body: new Uint8Array(content.subarray(offset)),
    });
    expect(resumed.status).toBe(204);
    const fileId = resumed.headers.get('file-id')!;
    expect(fileId).toBeTruthy();
    const file = (await app.call(FIND, { id: fileId }, user.token)).data!.file;
    expect(file).toMatchObject({ name: 'big picture.png', contentType: 'image/png', size: content.length, sha256: createHash('sha256').update(content).digest('hex') });
    // The staged upload is gone once ingested.
    expect(await filesUnder(app.dirs.uploads)).toEqual([]);
  });

  it('refuses an Upload-Length over the limit or the quota at creation, before any byte is taken', async () => {
    const user = await app.auth.newUser();
    const tooLarge = await create(user.token, 2 * 1024 ** 3, 'huge.mp4');
    expect(tooLarge.status).toBe(413);
    const overQuota = await create(user.token, 7 * 1024 * 1024, 'big.mp4');
    expect(overQuota.status).toBe(413);
    expect(await overQuota.json()).toMatchObject({ error: 'QUOTA_EXCEEDED' });
    const deferred = await fetch(`${app.origin}/files/tus`, { method: 'POST', headers: tusHeaders(user.token, { 'upload-defer-length': '1' }) });
    expect(deferred.status).toBe(411);
    const anonymous = await fetch(`${app.origin}/files/tus`, { method: 'POST', headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' } });
    expect(anonymous.status).toBe(401);
    expect(await filesUnder(app.dirs.uploads)).toEqual([]);
  });

  it('refuses at the end a file whose content does not match its name, keeping nothing', async () => {
    const user = await app.auth.newUser();
    const pdf = samples.pdf();
    const created = await create(user.token, pdf.length, 'photo.jpg');
    const url = `${app.origin}${created.headers.get('location')}`;
    const finished = await fetch(url, { method: 'PATCH', headers: { ...tusHeaders(user.token), 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, body: new Uint8Array(pdf) });
    expect(finished.status).toBe(415);
    expect(await finished.json()).toMatchObject({ error: 'TYPE_MISMATCH' });
    expect(await filesUnder(app.dirs.uploads)).toEqual([]);
  });

  it('expires abandoned uploads (the cleanup job) and frees their staged bytes', async () => {
    const user = await app.auth.newUser();
    const created = await create(user.token, 1000, 'later.txt');
    const url = `${app.origin}${created.headers.get('location')}`;
    await fetch(url, { method: 'PATCH', headers: { ...tusHeaders(user.token), 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, body: new Uint8Array(Buffer.alloc(400, 'x')) });
    expect(await app.built.expireUploads()).toBe(0);
    expect((await filesUnder(app.dirs.uploads)).length).toBeGreaterThan(0);
    app.clock.advance(3601_000);
    expect(await app.built.expireUploads()).toBe(1);
    expect(await filesUnder(app.dirs.uploads)).toEqual([]);
    expect((await offsetOf(url, user.token)).status).toBe(404);
  });

  it('works with the official tus client (tus-js-client), in chunks', async () => {
    const user = await app.auth.newUser();
    const content = Buffer.alloc(3 * 1024 * 1024 + 17, 'z');
    let fileId: string | null = null;
    await new Promise<void>((resolve, reject) => {
      const upload = new tus.Upload(content, {
        endpoint: `${app.origin}/files/tus`,
        chunkSize: 1024 * 1024,
        metadata: { filename: 'letters.txt' },
        headers: { authorization: `Bearer ${user.token}` },
        retryDelays: [],
        onAfterResponse: (_req, res) => {
          fileId = res.getHeader('File-Id') ?? fileId;
        },
        onError: reject,
        onSuccess: () => resolve(),
      });
      upload.start();
    });
    expect(fileId).toBeTruthy();
    expect((await app.call(FIND, { id: fileId }, user.token)).data!.file).toMatchObject({ name: 'letters.txt', size: content.length, contentType: 'text/plain' });
  });
});
