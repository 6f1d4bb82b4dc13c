import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { FIND, filesUnder, UPLOAD_SMALL, samples, startFiles, type FilesApp } from './harness';

let app: FilesApp;
beforeAll(async () => {
  app = await startFiles({ FILES_MAX_UPLOAD_BYTES: String(1024 * 1024) });
});
afterAll(() => app.close());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('simple uploads (POST /files/upload)', () => {
  it('stores the bytes with the sniffed type, size and SHA-256; the owner reads it, nobody else', async () => {
    const alice = await app.auth.newUser();
    const png = await samples.png();
    const answer = await app.upload(alice.token, 'Holiday.png', png, { 'content-type': 'text/html' });
    expect(answer.status).toBe(201);
    const uploaded = (await answer.json()) as { id: string };
    expect(uploaded).toMatchObject({ name: 'Holiday.png', contentType: 'image/png', size: png.length, sha256: sha256(png) });
    const found = await app.call(FIND, { id: uploaded.id }, alice.token);
    expect(found.data!.file).toMatchObject({ id: uploaded.id, contentType: 'image/png', size: png.length, sha256: sha256(png), owner: { id: alice.publicId } });
    const bob = await app.auth.newUser();
    expect((await app.call(FIND, { id: uploaded.id }, bob.token)).data).toEqual({ file: null });
  });

  it('neutralises path traversal and control characters in the name', async () => {
    const user = await app.auth.newUser();
    const answer = await app.upload(user.token, '../../etc/\u202Epasswd.txt', samples.text());
    expect(answer.status).toBe(201);
    expect(((await answer.json()) as { name: string }).name).toBe('passwd.txt');
    const windows = await app.upload(user.token, 'C:\\Users\\x\\..\\notes.txt', samples.text());
    expect(((await windows.json()) as { name: string }).name).toBe('notes.txt');
    const onlyDots = await app.upload(user.token, '../..', samples.text());
    expect(onlyDots.status).toBe(400);
    expect(await onlyDots.json()).toMatchObject({ error: 'BAD_FILE_NAME' });
    // Storage keys are ids: nothing was written outside the storage directory, whatever the name.
    for (const path of await filesUnder(app.dirs.storage)) expect(path.startsWith(app.dirs.storage)).toBe(true);
  });

  it('refuses a file whose extension lies about its content, and types not on the allow-list — storing nothing', async () => {
    const user = await app.auth.newUser();
    const rows = await app.rowCount();
    const objects = (await filesUnder(app.dirs.storage)).length;
    const lying = await app.upload(user.token, 'invoice.png', samples.pdf());
    expect(lying.status).toBe(415);
    expect(await lying.json()).toMatchObject({ error: 'TYPE_MISMATCH', detected: 'application/pdf' });
    const textAsPdf = await app.upload(user.token, 'report.pdf', samples.text('not a pdf at all'));
    expect(await textAsPdf.json()).toMatchObject({ error: 'TYPE_MISMATCH' });
    const exe = await app.upload(user.token, 'setup.txt', samples.exe());
    expect(exe.status).toBe(415);
    const exeNoExtension = await app.upload(user.token, 'setup', samples.exe());
    expect(await exeNoExtension.json()).toMatchObject({ error: 'UNSUPPORTED_TYPE' });
    expect(await app.rowCount()).toBe(rows);
    expect((await filesUnder(app.dirs.storage)).length).toBe(objects);
  });

  it('refuses a 2 GB upload from its declared length, before any byte is stored', async () => {
    const user = await app.auth.newUser();
    const objects = (await filesUnder(app.dirs.storage)).length;
    // Declares 2 GB and sends only a few bytes: the answer comes from the headers alone.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${app.origin}/files/upload?name=movie.mp4`, { method: 'POST', headers: { authorization: `Bearer ${user.token}`, 'content-length': String(2 * 1024 ** 3) } }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'FILE_TOO_LARGE', maxBytes: 1024 * 1024 });
    expect((await filesUnder(app.dirs.storage)).length).toBe(objects);
  });

  it('cuts off a body without a declared length at the limit, keeping nothing', async () => {
    const user = await app.auth.newUser();
    const rows = await app.rowCount();
    const objects = (await filesUnder(app.dirs.storage)).length;
    const big = Buffer.alloc(2 * 1024 * 1024, 'a');
    const chunked = new ReadableStream({
      start(controller) {
        for (let i = 0; i < big.length; i += 64 * 1024) controller.enqueue(new Uint8Array(big.subarray(i, i + 64 * 1024)));
        controller.close();
      },
    });
    const answer = await fetch(`${app.origin}/files/upload?name=big.txt`, { method: 'POST', body: chunked, duplex: 'half', headers: { authorization: `Bearer ${user.token}` } } as RequestInit);
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ error: 'FILE_TOO_LARGE' });
    expect(await app.rowCount()).toBe(rows);
    expect((await filesUnder(app.dirs.storage)).length).toBe(objects);
  });

  it('needs a valid token with files:write, and refuses empty files', async () => {
    expect((await app.upload(null, 'a.txt', samples.text())).status).toBe(401);
    expect(await (await app.upload('not-a-token', 'a.txt', samples.text())).json()).toMatchObject({ error: 'UNAUTHENTICATED' });
    const scopeless = await app.auth.newUser([]);
    expect(await (await app.upload(scopeless.token, 'a.txt', samples.text())).json()).toMatchObject({ error: 'FORBIDDEN' });
    const user = await app.auth.newUser();
    expect(await (await app.upload(user.token, 'empty.txt', Buffer.alloc(0))).json()).toMatchObject({ error: 'EMPTY_FILE' });
  });
});

describe('uploadSmallFile (base64 inside GraphQL)', () => {
  it('goes through the same checks', async () => {
    const user = await app.auth.newUser();
    const ok = await app.call(UPLOAD_SMALL, { input: { name: 'notes.csv', contentBase64: Buffer.from('a,b\n1,2\n').toString('base64') } }, user.token);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.uploadSmallFile).toMatchObject({ name: 'notes.csv', contentType: 'text/csv', size: 8 });
    const lying = await app.call(UPLOAD_SMALL, { input: { name: 'x.png', contentBase64: samples.pdf().toString('base64') } }, user.token);
    expect(lying.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contentBase64' });
    const notBase64 = await app.call(UPLOAD_SMALL, { input: { name: 'x.txt', contentBase64: '***' } }, user.token);
    expect(errorCodes(notBase64)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await app.call(UPLOAD_SMALL, { input: { name: 'x.txt', contentBase64: 'aGk=' } }))).toEqual(['UNAUTHENTICATED']);
  });
});
