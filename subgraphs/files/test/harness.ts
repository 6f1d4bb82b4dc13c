import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import sharp from 'sharp';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest, StatementCounter } from '@mosaic/testing';
import type { BuiltFiles } from '../src/build';
import { files } from '../src/data/tables';
import filesSubgraph from '../src/index';

/** A clock tests move (signed URLs expire, staged uploads age). */
export function testClock() {
  let offsetMs = 0;
  return { now: () => new Date(Date.now() + offsetMs), advance: (ms: number) => void (offsetMs += ms) };
}

/** Every file under a directory (recursively): what storage holds. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The files subgraph over real HTTP on a fresh database, storing under temporary directories (or
 * wherever `env` says), with real tokens, a statement counter and a clock to move. `origin` serves
 * its public paths (`/files/...`), as the gateway forwards them.
 */
export async function startFiles(env: NodeJS.ProcessEnv = {}) {
  const database = await createTestDatabase();
  const auth = await createTestAuth();
  const counter = new StatementCounter();
  const clock = testClock();
  const dataDir = await mkdtemp(join(tmpdir(), 'mosaic-files-test-'));
  const dirs = { storage: join(dataDir, 'objects'), uploads: join(dataDir, 'uploads') };
  const served = await serveModuleForTest(
    filesSubgraph,
    { db: database.db(counter.observe), client: database.client, verifier: auth.verifier, now: clock.now },
    { FILES_DIR: dirs.storage, FILES_UPLOADS_DIR: dirs.uploads, FILES_PUBLIC_URL: 'http://files.test', ...env },
  );
  const built = served.built as BuiltFiles;
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  /** A signed URL as handed out (public URL http://files.test), fetched from this server. */
  const fetchSigned = (url: string, init: RequestInit = {}) => fetch(`${served.origin}${new URL(url).pathname}`, { redirect: 'manual', ...init });
  return {
    auth,
    counter,
    clock,
    call,
    built,
    dirs,
    origin: served.origin,
    fetchSigned,
    upload: (token: string | null, name: string, body: Buffer, headers: Record<string, string> = {}) =>
      fetch(`${served.origin}/files/upload?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        body: new Uint8Array(body),
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/octet-stream', ...headers },
      }),
    rowCount: async () => (await database.db().select({ n: count() }).from(files))[0]!.n,
    database,
    async close() {
      await served.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type FilesApp = Awaited<ReturnType<typeof startFiles>>;

export const FILE_FIELDS = 'id name contentType size sha256 owner { id } downloadUrl thumbnailUrl publicUrl sharedWith { id }';
export const FIND = `query($id: ID!) { file(id: $id) { ${FILE_FIELDS} } }`;
export const URL_OF = `query($id: ID!, $disposition: FileDisposition, $expires: Int) { file(id: $id) { downloadUrl(disposition: $disposition, expiresInSeconds: $expires) } }`;
export const USAGE_OF = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { storageUsage { bytesUsed quotaBytes bytesAvailable fileCount } } } }`;
export const LIST_OF = `query($reps: [_Any!]!, $first: Int, $after: String) {
  _entities(representations: $reps) { ... on User { files(first: $first, after: $after) { edges { node { name sharedWith { id } } } pageInfo { hasNextPage endCursor } } } }
}`;
export const DELETE = `mutation($id: ID!) { deleteFile(id: $id) { deletedId storageUsage { bytesUsed fileCount } } }`;
export const SHARE = `mutation($input: ShareFileInput!) { shareFile(input: $input) { id sharedWith { id } } }`;
export const UNSHARE = `mutation($input: ShareFileInput!) { unshareFile(input: $input) { id sharedWith { id } } }`;
export const PUBLIC_LINK = `mutation($input: SetFilePublicLinkInput!) { setFilePublicLink(input: $input) { id publicUrl } }`;
export const UPLOAD_SMALL = `mutation($input: UploadSmallFileInput!) { uploadSmallFile(input: $input) { ${FILE_FIELDS} } }`;

export const userRep = (publicId: string) => ({ __typename: 'User', id: publicId });

/** Content with real signatures, made here. */
export const samples = {
  text: (text = 'hello, files\n') => Buffer.from(text),
  pdf: () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: (width = 600, height = 300) => sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } }).png().toBuffer(),
  /** A Windows executable's header. */
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)]),
};
