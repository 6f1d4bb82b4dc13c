import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';

/**
 * A local S3-compatible server (s3rver: the S3 REST API — PutObject, multipart uploads, GetObject
 * with Range, HeadObject, DeleteObject — over real HTTP, objects on disk) for tests and benchmarks.
 */
export async function startLocalS3(bucket = 'mosaic-files') {
  const directory = await mkdtemp(join(tmpdir(), 'mosaic-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    /** Settings that point the files subgraph at this server. */
    env: {
      FILES_STORAGE: 's3',
      FILES_S3_BUCKET: bucket,
      FILES_S3_ENDPOINT: endpoint,
      FILES_S3_FORCE_PATH_STYLE: 'true',
      FILES_S3_ACCESS_KEY_ID: 'S3RVER',
      FILES_S3_SECRET_ACCESS_KEY: 'S3RVER',
    } satisfies NodeJS.ProcessEnv,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
