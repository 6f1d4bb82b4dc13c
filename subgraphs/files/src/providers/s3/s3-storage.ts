import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NotFound, NoSuchKey, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';
import { assertSafeKey, type ByteRange, type ObjectStorage, type StoredObject } from '../storage';

export interface S3StorageOptions {
  bucket: string;
  /** Any S3-compatible endpoint (MinIO, Ceph, R2…); unset = AWS for `region`. */
  endpoint?: string | undefined;
  region: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key` (MinIO and most self-hosted servers). */
  forcePathStyle: boolean;
  /** Unset = the SDK's default chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Multipart part size; memory per upload is at most partSize × queueSize. */
  partSize?: number;
  queueSize?: number;
}

const MIN_PART_SIZE = 5 * 1024 * 1024;

const isMissing = (error: unknown) =>
  error instanceof NoSuchKey || error instanceof NotFound || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404);

/**
 * Objects in an S3 bucket through `@aws-sdk/client-s3`. Writes are multipart uploads of bounded
 * parts (lib-storage's `Upload`: one PutObject for small bodies), so memory does not grow with the
 * object; reads stream the GetObject body, with `Range` for partial content.
 */
export class S3Storage implements ObjectStorage {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      // Checksums only where S3 requires them: many S3-compatible servers do not speak the
      // aws-chunked trailing checksums newer SDKs send by default. Integrity is ours (SHA-256).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, body: Readable, options: { contentType: string; size?: number }): Promise<StoredObject> {
    assertSafeKey(key);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: key, Body: body, ContentType: options.contentType },
      partSize: Math.max(MIN_PART_SIZE, this.options.partSize ?? MIN_PART_SIZE),
      queueSize: this.options.queueSize ?? 2,
      // A failed multipart upload is aborted, so no parts are left behind to pay for.
      leavePartsOnError: false,
    });
    await upload.done();
    const stored = await this.head(key);
    if (!stored) throw new Error(`S3 did not keep ${key}`);
    return stored;
  }

  async get(key: string, range?: ByteRange): Promise<Readable | null> {
    assertSafeKey(key);
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
      );
      return answer.Body as Readable;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async head(key: string): Promise<StoredObject | null> {
    assertSafeKey(key);
    try {
      const answer = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return { size: answer.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
