import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { DELETE, FIND, LIST_OF, PUBLIC_LINK, SHARE, UNSHARE, URL_OF, USAGE_OF, samples, startFiles, userRep, type FilesApp } from './harness';

let app: FilesApp;
beforeAll(async () => {
  app = await startFiles({ FILES_QUOTA_BYTES: '10000', FILES_URL_TTL_SECONDS: '300' });
});
afterAll(() => app.close());

async function uploaded(token: string, name: string, body: Buffer): Promise<string> {
  const answer = await app.upload(token, name, body);
  expect(answer.status).toBe(201);
  return ((await answer.json()) as { id: string }).id;
}

async function urlOf(id: string, token: string, variables: Record<string, unknown> = {}): Promise<string> {
  const result = await app.call(URL_OF, { id, ...variables }, token);
  expect(result.errors).toBeUndefined();
  return result.data!.file.downloadUrl as string;
}

describe('signed downloads', () => {
  it('serves the bytes with ETag, Content-Disposition, Range and revalidation', async () => {
    const user = await app.auth.newUser();
    const body = samples.text('0123456789abcdefghij');
    const id = await uploaded(user.token, 'Résumé "final".txt', body);
    const url = await urlOf(id, user.token);
    expect(url).toMatch(/^http:\/\/files\.test\/files\/d\/[\w-]+\.[\w-]+$/);

    const whole = await app.fetchSigned(url);
    expect(whole.status).toBe(200);
    expect(await whole.text()).toBe('0123456789abcdefghij');
    const etag = `"${createHash('sha256').update(body).digest('hex')}"`;
    expect(whole.headers.get('etag')).toBe(etag);
    expect(whole.headers.get('content-type')).toBe('text/plain');
    expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
    expect(whole.headers.get('content-disposition')).toBe(`attachment; filename="R_sum_ _final_.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.txt`);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');

    const part = await app.fetchSigned(url, { headers: { range: 'bytes=5-9' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 5-9/20');
    expect(await part.text()).toBe('56789');
    const tail = await app.fetchSigned(url, { headers: { range: 'bytes=-3' } });
    expect(await tail.text()).toBe('hij');
    const outside = await app.fetchSigned(url, { headers: { range: 'bytes=50-60' } });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe('bytes */20');
    const staleIfRange = await app.fetchSigned(url, { headers: { range: 'bytes=0-1', 'if-range': '"other"' } });
    expect(staleIfRange.status).toBe(200);

    const revalidated = await app.fetchSigned(url, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    const head = await app.fetchSigned(url, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('20');

    const inline = await app.fetchSigned(await urlOf(id, user.token, { disposition: 'INLINE' }));
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; /);
  });

  it('refuses tampered and expired URLs with 403 and a clear body', async () => {
    const user = await app.auth.newUser();
    const id = await uploaded(user.token, 'secret.txt', samples.text('top secret'));
    const url = await urlOf(id, user.token, { expires: 60 });
    const [payload, signature] = new URL(url).pathname.split('/').pop()!.split('.') as [string, string];

    // Another file's id (or a longer lifetime) in the payload: the signature no longer matches.
    const forgedPayload = Buffer.from(JSON.stringify([JSON.parse(Buffer.from(payload, 'base64url').toString())[0], 'o', 'a', 4_102_444_800])).toString('base64url');
    for (const token of [`${forgedPayload}.${signature}`, `${payload}.${signature.slice(0, -2)}xx`, payload, `${payload}.${signature}.x`]) {
      const refused = await app.fetchSigned(`http://files.test/files/d/${token}`);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: 'SIGNATURE_INVALID' });
    }
    expect((await app.fetchSigned(url)).status).toBe(200);
    app.clock.advance(61_000);
    const expired = await app.fetchSigned(url);
    expect(expired.status).toBe(403);
    expect(await expired.json()).toEqual({ error: 'URL_EXPIRED', message: expect.stringContaining('expired') });

    const tooLong = await app.call(URL_OF, { id, expires: 10 * 24 * 3600 }, user.token);
    expect(tooLong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresInSeconds' });
  });

  it('a deleted file stops downloading', async () => {
    const user = await app.auth.newUser();
    const id = await uploaded(user.token, 'gone.txt', samples.text());
    const url = await urlOf(id, user.token);
    expect((await app.call(DELETE, { id }, user.token)).errors).toBeUndefined();
    const answer = await app.fetchSigned(url);
    expect(answer.status).toBe(404);
  });
});

describe('per-object access', () => {
  it("someone else's file looks missing everywhere: file, _entities, changes", async () => {
    const alice = await app.auth.newUser();
    const bob = await app.auth.newUser();
    const id = await uploaded(alice.token, 'private.txt', samples.text());
    expect((await app.call(FIND, { id }, bob.token)).data).toEqual({ file: null });
    const entity = await app.call(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on File { name } } }`, { reps: [{ __typename: 'File', id }] }, bob.token);
    expect(entity.data!._entities).toEqual([null]);
    for (const mutation of [DELETE, SHARE]) {
      const variables = mutation === DELETE ? { id } : { input: { fileId: id, userId: bob.publicId } };
      const refused = await app.call(mutation, variables, bob.token);
      expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
    }
    expect((await app.call(FIND, { id }, alice.token)).data!.file.name).toBe('private.txt');
  });

  it('shares with a user until unshared; only the owner sees whom with', async () => {
    const alice = await app.auth.newUser();
    const bob = await app.auth.newUser();
    const id = await uploaded(alice.token, 'shared.txt', samples.text('for bob'));
    const shared = await app.call(SHARE, { input: { fileId: id, userId: bob.publicId } }, alice.token);
    expect(shared.data!.shareFile.sharedWith).toEqual([{ id: bob.publicId }]);
    const seen = await app.call(FIND, { id }, bob.token);
    expect(seen.data!.file).toMatchObject({ name: 'shared.txt', sharedWith: [], publicUrl: null });
    expect(await (await app.fetchSigned(seen.data!.file.downloadUrl)).text()).toBe('for bob');
    const self = await app.call(SHARE, { input: { fileId: id, userId: alice.publicId } }, alice.token);
    expect(errorCodes(self)).toEqual(['BAD_USER_INPUT']);
    await app.call(UNSHARE, { input: { fileId: id, userId: bob.publicId } }, alice.token);
    expect((await app.call(FIND, { id }, bob.token)).data).toEqual({ file: null });
  });

  it('a public link serves anyone until it is removed', async () => {
    const alice = await app.auth.newUser();
    const id = await uploaded(alice.token, 'flyer.pdf', samples.pdf());
    const on = await app.call(PUBLIC_LINK, { input: { fileId: id, enabled: true } }, alice.token);
    const link = on.data!.setFilePublicLink.publicUrl as string;
    expect(link).toMatch(/^http:\/\/files\.test\/files\/p\/[\w-]+$/);
    const redirect = await app.fetchSigned(link);
    expect(redirect.status).toBe(302);
    const file = await app.fetchSigned(redirect.headers.get('location')!);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^inline; /);
    await app.call(PUBLIC_LINK, { input: { fileId: id, enabled: false } }, alice.token);
    expect((await app.fetchSigned(link)).status).toBe(404);
    expect((await app.fetchSigned('http://files.test/files/p/../../etc')).status).toBe(404);
  });
});

describe('quota and usage', () => {
  it('counts bytes, refuses an upload above the quota with QUOTA_EXCEEDED, frees space on delete', async () => {
    const user = await app.auth.newUser();
    const usage = async () => (await app.call(USAGE_OF, { reps: [userRep(user.publicId)] }, user.token)).data!._entities[0].storageUsage;
    expect(await usage()).toEqual({ bytesUsed: 0, quotaBytes: 10000, bytesAvailable: 10000, fileCount: 0 });
    const first = await uploaded(user.token, 'a.txt', Buffer.alloc(6000, 'a'));
    expect(await usage()).toEqual({ bytesUsed: 6000, quotaBytes: 10000, bytesAvailable: 4000, fileCount: 1 });
    const rows = await app.rowCount();
    const over = await app.upload(user.token, 'b.txt', Buffer.alloc(6000, 'b'));
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ error: 'QUOTA_EXCEEDED', bytesUsed: 6000, quotaBytes: 10000 });
    const overInGraphQL = await app.call(`mutation($input: UploadSmallFileInput!) { uploadSmallFile(input: $input) { id } }`, { input: { name: 'c.txt', contentBase64: Buffer.alloc(6000, 'c').toString('base64') } }, user.token);
    expect(overInGraphQL.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'QUOTA_EXCEEDED' });
    expect(await app.rowCount()).toBe(rows);
    const deleted = await app.call(DELETE, { id: first }, user.token);
    expect(deleted.data!.deleteFile).toEqual({ deletedId: first, storageUsage: { bytesUsed: 0, fileCount: 0 } });
    await uploaded(user.token, 'b.txt', Buffer.alloc(6000, 'b'));
    expect((await usage()).bytesUsed).toBe(6000);
  });

  it('concurrent uploads cannot together pass the quota', async () => {
    const user = await app.auth.newUser();
    const answers = await Promise.all([1, 2, 3].map((n) => app.upload(user.token, `${n}.txt`, Buffer.alloc(4000, String(n)))));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 413]);
  });

  it("usage is for the user themself and admins", async () => {
    const owner = await app.auth.newUser();
    const stranger = await app.auth.newUser();
    expect(errorCodes(await app.call(USAGE_OF, { reps: [userRep(owner.publicId)] }, stranger.token))).toEqual(['FORBIDDEN']);
    const admin = await app.auth.newUser(['user', 'admin']);
    expect((await app.call(USAGE_OF, { reps: [userRep(owner.publicId)] }, admin.token)).errors).toBeUndefined();
  });
});

describe('lists', () => {
  it('User.files pages newest first; files for 2 and for 10 users (with their shares) cost the same SQL statements', async () => {
    const admin = await app.auth.newUser(['user', 'admin']);
    const owners: { publicId: string; token: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const owner = await app.auth.newUser();
      await uploaded(owner.token, `first ${i}.txt`, samples.text());
      await uploaded(owner.token, `second ${i}.txt`, samples.text());
      owners.push(owner);
    }
    const page = await app.call(LIST_OF, { reps: [userRep(owners[0]!.publicId)], first: 1 }, owners[0]!.token);
    expect(page.data!._entities[0].files.edges).toEqual([{ node: { name: 'second 0.txt', sharedWith: [] } }]);
    const rest = await app.call(LIST_OF, { reps: [userRep(owners[0]!.publicId)], first: 5, after: page.data!._entities[0].files.pageInfo.endCursor }, owners[0]!.token);
    expect(rest.data!._entities[0].files.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['first 0.txt']);
    const statementsFor = async (count: number) => {
      app.counter.reset();
      const result = await app.call(LIST_OF, { reps: owners.slice(0, count).map((owner) => userRep(owner.publicId)) }, admin.token);
      expect(result.errors).toBeUndefined();
      return app.counter.count;
    };
    expect(await statementsFor(10)).toBe(await statementsFor(2));
  });
});
