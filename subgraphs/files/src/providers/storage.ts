import type { Readable } from 'node:stream';

/** A byte range of an object, both ends inclusive (as in HTTP `Range: bytes=start-end`). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObject {
  size: number;
}

/**
 * Where file contents live. Keys are chosen by the files subgraph (never by users), so an
 * implementation may map them onto paths or object names directly. Every method streams: no
 * implementation holds a whole object in memory.
 */
export interface ObjectStorage {
  /** Which backend this is, for logs and benchmarks. */
  readonly kind: 'local-disk' | 's3';
  /** Writes `body` under `key` (replacing what was there); resolves once it is durably stored. */
  put(key: string, body: Readable, options: { contentType: string; size?: number }): Promise<StoredObject>;
  /** The object's bytes (or the given range of them); null when there is no such object. */
  get(key: string, range?: ByteRange): Promise<Readable | null>;
  head(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing a missing one is not an error (deletions are retried). */
  delete(key: string): Promise<void>;
  close?(): Promise<void>;
}

/** Keys are `[a-z0-9/._-]` segments without `..`: a key can never leave the storage's root. */
export function assertSafeKey(key: string): void {
  if (!/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/.test(key) || key.split('/').includes('..')) {
    throw new Error(`Invalid storage key "${key}"`);
  }
}
