import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { uuidv7, type Db } from '@mosaic/kit';
import { findUsageOf, insertFile, reserveUsage } from '../../data/file-repo';
import type { FileRow, StorageUsageRow } from '../../data/tables';
import type { FilesRuntime } from '../../runtime';
import { usageAccountIdOf, type UsageAccount } from '../quota';
import { neutraliseFileName } from './file-name';
import { SNIFF_BYTES, sniffContentType } from './sniff';
import { UploadRefusedError } from './upload-refused';

export interface IngestRequest {
  ownerId: string;
  /** The organisation the upload is made within (the token's `org_id`): its plan's quota and usage apply. */
  organizationId: string | null;
  /** As the client named it; neutralised before use. */
  name: string;
  /** Content-Length / Upload-Length when the client declared one: limits are checked against it before a byte is read. */
  declaredSize: number | null;
  body: Readable;
}

const MiB = 1024 * 1024;
const megabytes = (bytes: number) => `${Math.round((bytes / MiB) * 10) / 10} MB`;

/** The checks that need no byte of content: name, declared size against the limit and the quota. */
export async function checkBeforeUpload(runtime: FilesRuntime, account: UsageAccount, name: string, declaredSize: number | null): Promise<string> {
  const safeName = neutraliseFileName(name);
  const { maxUploadBytes } = runtime.settings;
  if (declaredSize !== null) {
    if (declaredSize > maxUploadBytes) throw new UploadRefusedError('FILE_TOO_LARGE', `This file is ${megabytes(declaredSize)}; at most ${megabytes(maxUploadBytes)} can be uploaded.`, { maxBytes: maxUploadBytes });
    await checkQuota(runtime, account, declaredSize);
  }
  return safeName;
}

async function checkQuota(runtime: FilesRuntime, account: UsageAccount, bytes: number): Promise<void> {
  const quota = await runtime.quota.quotaBytesFor(account);
  // An early answer for the client; the authoritative check is reserveUsage in the commit.
  const used = await bytesUsedBy(runtime.db, usageAccountIdOf(account));
  if (used + bytes > quota) throw quotaExceeded(used, quota, bytes);
}

async function bytesUsedBy(db: Db, ownerId: string): Promise<number> {
  const [usage] = await findUsageOf(db, [ownerId]);
  return usage?.bytesUsed ?? 0;
}

const quotaExceeded = (used: number, quota: number, bytes: number) =>
  new UploadRefusedError('QUOTA_EXCEEDED', `This upload (${megabytes(bytes)}) does not fit in your storage: ${megabytes(used)} of ${megabytes(quota)} used. Delete files to make room (within an organization: or upgrade its plan).`, {
    bytesUsed: used,
    quotaBytes: quota,
  });

/** The first `bytes` of a stream, and a stream of all of it (head included) to continue with. */
async function peek(body: Readable, bytes: number): Promise<{ head: Buffer; whole: Readable }> {
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* rest() {
    yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: head.subarray(0, bytes), whole: Readable.from(rest(), { objectMode: false }) };
}

/** Hashes and counts what flows through; fails the stream as soon as it passes `limit` bytes. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  constructor(private readonly limit: number, private readonly tooLarge: () => Error) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) return callback(this.tooLarge());
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

/**
 * One upload, streamed end to end: limits and quota from the declared size first, then the type
 * sniffed from the first bytes (nothing is stored for a refused type), then the content stored
 * while its SHA-256 and length are computed (a body longer than declared or than the limit is cut
 * off), then — in one transaction — the usage reserved within the quota, the row written and
 * `file.uploaded` emitted. Whatever fails after storing removes the stored object again.
 */
export async function ingestFile(runtime: FilesRuntime, request: IngestRequest): Promise<{ file: FileRow; usage: StorageUsageRow }> {
  const { settings, storage } = runtime;
  const name = await checkBeforeUpload(runtime, request, request.name, request.declaredSize);
  const { head, whole } = await peek(request.body, SNIFF_BYTES);
  if (head.length === 0) throw new UploadRefusedError('EMPTY_FILE', 'The file is empty; choose a file with content.');
  const contentType = await sniffContentType(head, name, settings.allowedTypes);

  const limit = Math.min(settings.maxUploadBytes, request.declaredSize ?? Number.POSITIVE_INFINITY);
  const meter = new Meter(limit, () =>
    request.declaredSize !== null && request.declaredSize < settings.maxUploadBytes
      ? new UploadRefusedError('INCOMPLETE_UPLOAD', `The body is longer than the ${request.declaredSize} bytes declared.`)
      : new UploadRefusedError('FILE_TOO_LARGE', `At most ${megabytes(settings.maxUploadBytes)} can be uploaded.`, { maxBytes: settings.maxUploadBytes }),
  );
  const id = uuidv7(runtime.now().getTime());
  const key = `objects/${id.slice(0, 2)}/${id}`;
  const forwarded = whole.pipe(meter);
  whole.once('error', (error) => meter.destroy(error));
  try {
    await storage.put(key, forwarded, { contentType, ...(request.declaredSize !== null ? { size: request.declaredSize } : {}) });
  } catch (error) {
    await storage.delete(key).catch(() => {});
    throw error;
  }
  try {
    if (request.declaredSize !== null && meter.bytes !== request.declaredSize) {
      throw new UploadRefusedError('INCOMPLETE_UPLOAD', `Only ${meter.bytes} of the ${request.declaredSize} bytes declared arrived; upload the file again.`);
    }
    const sha256 = meter.hash.digest('hex');
    const quota = await runtime.quota.quotaBytesFor(request);
    const accountId = usageAccountIdOf(request);
    const now = runtime.now();
    return await runtime.db.transaction(async (tx) => {
      const usage = await reserveUsage(tx, accountId, meter.bytes, quota, now);
      if (!usage) throw quotaExceeded(await bytesUsedBy(tx, accountId), quota, meter.bytes);
      const file = await insertFile(tx, { id, ownerId: request.ownerId, name, contentType, size: meter.bytes, sha256, storageKey: key, thumbnailKey: null, publicToken: null, usageAccountId: request.organizationId, createdAt: now });
      await runtime.events.emit(tx, 'file.uploaded', { fileId: id, ownerId: request.ownerId, contentType, size: meter.bytes });
      return { file, usage };
    });
  } catch (error) {
    await storage.delete(key).catch((cause: unknown) => runtime.log.warn({ err: cause, key }, 'could not remove the object of a refused upload'));
    throw error;
  }
}
