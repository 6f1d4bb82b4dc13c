import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage } from '../src/providers/local-disk/local-disk-storage';
import { S3Storage } from '../src/providers/s3/s3-storage';
import type { ObjectStorage } from '../src/providers/storage';
import { startLocalS3 } from './s3-server';

const MiB = 1024 * 1024;

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A body produced chunk by chunk, never held whole. */
function generated(totalBytes: number, seed: Buffer): { stream: Readable; sha256: Promise<string> } {
  const hash = createHash('sha256');
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= totalBytes) return this.push(null);
      const chunk = seed.subarray(0, Math.min(seed.length, totalBytes - sent));
      hash.update(chunk);
      sent += chunk.length;
      this.push(chunk);
    },
  });
  const sha256 = new Promise<string>((resolve) => stream.once('end', () => resolve(hash.digest('hex'))));
  return { stream, sha256 };
}

const local = await (async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mosaic-files-'));
  return { dir, storage: new LocalDiskStorage(dir), close: () => rm(dir, { recursive: true, force: true }) };
})();
let s3Server: Awaited<ReturnType<typeof startLocalS3>>;
let s3: S3Storage;

beforeAll(async () => {
  s3Server = await startLocalS3();
  s3 = new S3Storage({ bucket: s3Server.bucket, endpoint: s3Server.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
});
afterAll(async () => {
  await s3.close();
  await s3Server.close();
  await local.close();
});

describe.each([
  ['local disk', () => local.storage as ObjectStorage],
  ['S3 (local S3-compatible server)', () => s3 as ObjectStorage],
])('%s storage', (_name, storageOf) => {
  it('puts, heads, gets (whole and a range) and deletes', async () => {
    const storage = storageOf();
    const key = `objects/${randomBytes(8).toString('hex')}`;
    expect(await storage.head(key)).toBeNull();
    expect(await storage.get(key)).toBeNull();
    const stored = await storage.put(key, Readable.from([Buffer.from('hello, '), Buffer.from('world')]), { contentType: 'text/plain' });
    expect(stored).toEqual({ size: 12 });
    expect(await storage.head(key)).toEqual({ size: 12 });
    expect(await text((await storage.get(key))!)).toBe('hello, world');
    expect(await text((await storage.get(key, { start: 7, end: 11 }))!)).toBe('world');
    await storage.delete(key);
    expect(await storage.head(key)).toBeNull();
    await storage.delete(key); // deleting twice is fine: deletions are retried
  });

  it('streams a 12 MiB object through (a multipart upload on S3) with its bytes intact', async () => {
    const storage = storageOf();
    const key = `objects/${randomBytes(8).toString('hex')}`;
    const body = generated(12 * MiB + 123, randomBytes(64 * 1024));
    expect(await storage.put(key, body.stream, { contentType: 'application/octet-stream' })).toEqual({ size: 12 * MiB + 123 });
    expect(await sha256Of((await storage.get(key))!)).toBe(await body.sha256);
    await storage.delete(key);
  });

  it('refuses keys that could leave its root', async () => {
    const storage = storageOf();
    for (const key of ['../etc/passwd', 'a/../../b', '/abs', 'a//b', 'A.txt']) {
      await expect(storage.put(key, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' })).rejects.toThrow(/Invalid storage key/);
    }
  });
});

describe('local disk storage', () => {
  it('leaves nothing behind when the body fails half-way', async () => {
    const key = `objects/${randomBytes(8).toString('hex')}`;
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('connection dropped'));
      },
    });
    await expect(local.storage.put(key, failing, { contentType: 'text/plain' })).rejects.toThrow('connection dropped');
    expect(await local.storage.head(key)).toBeNull();
    expect((await readdir(join(local.dir, 'objects'))).filter((name) => name.includes(key.split('/')[1]!))).toEqual([]);
  });
});
