import type { IncomingMessage, ServerResponse } from 'node:http';
import { encodeId, type TokenVerifier } from '@mosaic/kit';
import { ingestFile } from '../domain/ingest/ingest';
import { UploadRefusedError } from '../domain/ingest/upload-refused';
import type { FilesRuntime } from '../runtime';
import { uploader } from './authenticate';
import { sendJson } from './respond';

/** What an upload answers: the stored file, as `File` shows it in GraphQL. */
export const uploadedJson = (file: { id: string; name: string; contentType: string; size: number; sha256: string; createdAt: Date }) => ({
  id: encodeId('File', file.id),
  name: file.name,
  contentType: file.contentType,
  size: file.size,
  sha256: file.sha256,
  createdAt: file.createdAt.toISOString(),
});

/**
 * `POST /files/upload?name=<file name>`: one request, the raw bytes as the body (any
 * Content-Type; the type is sniffed). Content-Length is checked against the limit and the quota
 * before the body is read; a body without one is cut off at the limit. Answers 201 with the file.
 */
export async function simpleUpload(runtime: FilesRuntime, verifier: TokenVerifier, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const viewer = await uploader(verifier, req.headers.authorization);
  const name = new URL(req.url ?? '/', 'http://localhost').searchParams.get('name');
  if (!name) throw new UploadRefusedError('BAD_FILE_NAME', 'Name the file: POST /files/upload?name=<file name>.');
  const length = req.headers['content-length'];
  const declaredSize = length !== undefined && /^\d+$/.test(length) ? Number(length) : null;
  const { file } = await ingestFile(runtime, { ownerId: viewer.userId, organizationId: viewer.tenant?.id ?? null, name, declaredSize, body: req });
  sendJson(res, 201, uploadedJson(file));
}
