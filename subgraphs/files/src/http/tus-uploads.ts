import { rm } from 'node:fs/promises';
import { FileStore } from '@tus/file-store';
import { Server, type ServerOptions } from '@tus/server';
import { ERRORS, type Upload } from '@tus/utils';
import type { TokenVerifier } from '@mosaic/kit';
import { checkBeforeUpload, ingestFile } from '../domain/ingest/ingest';
import { UploadRefusedError } from '../domain/ingest/upload-refused';
import type { FilesRuntime } from '../runtime';
import { uploader } from './authenticate';
import { uploadedJson } from './simple-upload';

export const TUS_PATH = '/files/tus';

type TusRequest = Parameters<NonNullable<ServerOptions['onIncomingRequest']>>[0];

/** A refusal as tus answers it: the status, and our JSON body. */
const tusError = (error: unknown) => (error instanceof UploadRefusedError ? { status_code: error.status, body: JSON.stringify(error.toJSON()) } : error);

/**
 * Large files through the tus resumable-upload protocol (1.0: creation, creation-with-upload,
 * termination, expiration) at `/files/tus`. Parts are staged by tus's file store in
 * FILES_UPLOADS_DIR; a dropped connection resumes from `HEAD`'s Upload-Offset. `Upload-Length` is
 * required and checked against the limit and the quota at creation, before a byte is taken. When
 * the last byte arrives the staged file goes through the same ingest as every upload (sniffing,
 * SHA-256, storage, quota, event) and is removed; the answer carries the file (`File-Id` header,
 * JSON body). An upload belongs to whoever created it: anyone else's looks missing.
 */
export class TusUploads {
  readonly server: Server;
  readonly store: FileStore;

  constructor(
    private readonly runtime: FilesRuntime,
    private readonly verifier: TokenVerifier,
  ) {
    this.store = new FileStore({ directory: runtime.settings.uploadsDir });
    this.server = new Server({
      path: TUS_PATH,
      datastore: this.store,
      relativeLocation: true,
      maxSize: runtime.settings.maxUploadBytes,
      exposedHeaders: ['File-Id'],
      onIncomingRequest: (req, id) => this.admit(req, id),
      onUploadCreate: (req, upload) => this.create(req, upload),
      onUploadFinish: (req, upload) => this.finish(req, upload),
      onResponseError: (_req, error) => {
        if (error instanceof UploadRefusedError) return { status_code: error.status, body: JSON.stringify(error.toJSON()) };
        if ('status_code' in error) return undefined;
        // Anything unexpected: logged, and answered without its message (no internals to clients).
        runtime.log.error({ err: error }, 'tus upload failed');
        return { status_code: 500, body: JSON.stringify({ error: 'INTERNAL_SERVER_ERROR', message: 'The upload could not be stored; resume it later.' }) };
      },
    });
  }

  private async admit(req: TusRequest, id: string): Promise<void> {
    const viewer = await uploader(this.verifier, req.headers.get('authorization')).catch((error: unknown) => {
      throw tusError(error);
    });
    if (req.method === 'POST') return;
    const upload = await this.store.getUpload(id);
    if (upload.metadata?.owner !== viewer.userId) throw ERRORS.FILE_NOT_FOUND;
  }

  private async create(req: TusRequest, upload: Upload): Promise<{ metadata: Record<string, string | null> }> {
    const viewer = await uploader(this.verifier, req.headers.get('authorization'));
    try {
      if (upload.size === undefined) throw new UploadRefusedError('LENGTH_REQUIRED', 'Send Upload-Length: the size is checked against the limit and your quota before the upload starts.');
      const organizationId = viewer.tenant?.id ?? null;
      const name = await checkBeforeUpload(this.runtime, { ownerId: viewer.userId, organizationId }, upload.metadata?.filename ?? upload.metadata?.name ?? '', upload.size);
      // The owner (and the organisation charged) are ours to set, whatever the client put in its metadata.
      return { metadata: { filename: name, owner: viewer.userId, organization: organizationId } };
    } catch (error) {
      throw tusError(error);
    }
  }

  private async finish(_req: TusRequest, upload: Upload): Promise<{ headers: Record<string, string>; body: string }> {
    const ownerId = upload.metadata?.owner;
    try {
      if (!ownerId) throw ERRORS.FILE_NOT_FOUND;
      const { file } = await ingestFile(this.runtime, { ownerId, organizationId: upload.metadata?.organization ?? null, name: upload.metadata?.filename ?? '', declaredSize: upload.size ?? null, body: this.store.read(upload.id) });
      const json = uploadedJson(file);
      return { headers: { 'File-Id': json.id }, body: JSON.stringify(json) };
    } catch (error) {
      throw tusError(error);
    } finally {
      await this.store.remove(upload.id).catch(() => {});
    }
  }

  /**
   * Removes staged uploads older than FILES_UPLOAD_EXPIRY_SECONDS at `now`: incomplete ones
   * (abandoned), and complete ones whose ingest failed. Returns how many went.
   */
  async expire(now: Date): Promise<number> {
    const ids = (await this.store.configstore.list?.()) ?? [];
    let removed = 0;
    for (const id of ids) {
      const info = await this.store.configstore.get(id);
      const created = info?.creation_date ? Date.parse(info.creation_date) : Number.NaN;
      if (Number.isNaN(created) || created + this.runtime.settings.uploadExpiryMs > now.getTime()) continue;
      await this.store.remove(id).catch(async () => {
        await rm(`${this.runtime.settings.uploadsDir}/${id}`, { force: true });
      });
      removed++;
    }
    return removed;
  }
}
