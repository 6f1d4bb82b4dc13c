import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathOf, type RequestHandler, type TokenVerifier } from '@mosaic/kit';
import { UploadRefusedError } from '../domain/ingest/upload-refused';
import type { UrlSigner } from '../domain/signed-urls';
import type { FilesRuntime } from '../runtime';
import type { AttachmentTickets } from '../attachments/tickets';
import { serveAttachment } from './attachment-link';
import { servePublicLink, serveDownload } from './download';
import { sendError, sendJson } from './respond';
import { simpleUpload } from './simple-upload';
import { TUS_PATH, type TusUploads } from './tus-uploads';

/** The public prefix of everything files serves over plain HTTP (`deployment.publicPaths`). */
export const FILES_PREFIX = '/files';

/**
 * Files' HTTP outside GraphQL, all under `/files` (short links own `/<code>`; a longer public
 * prefix wins): `POST /files/upload`, tus at `/files/tus`, signed downloads at `/files/d/<token>`,
 * public links at `/files/p/<token>`, attachment tickets at `/files/t/<ticket>`.
 */
export function filesHttp(runtime: FilesRuntime, verifier: TokenVerifier, signer: UrlSigner, tus: TusUploads, tickets: AttachmentTickets): RequestHandler {
  const route = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const method = req.method ?? 'GET';
    if (path === TUS_PATH || path.startsWith(`${TUS_PATH}/`)) return tus.server.handle(req, res);
    if (path === `${FILES_PREFIX}/upload`) {
      if (method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Upload with POST.', {});
      return simpleUpload(runtime, verifier, req, res);
    }
    const download = /^\/files\/d\/([^/]+)$/.exec(path);
    if (download && (method === 'GET' || method === 'HEAD')) return serveDownload(runtime, signer, download[1]!, req, res);
    const publicLink = /^\/files\/p\/([^/]+)$/.exec(path);
    if (publicLink && (method === 'GET' || method === 'HEAD')) return servePublicLink(runtime, signer, publicLink[1]!, res);
    const attachment = /^\/files\/t\/([^/]+)$/.exec(path);
    if (attachment && (method === 'GET' || method === 'HEAD')) return serveAttachment(runtime, signer, tickets, attachment[1]!, res);
    sendError(res, 404, 'NOT_FOUND', `Nothing at ${path}.`);
  };
  return async (req, res) => {
    try {
      await route(req, res, pathOf(req.url));
    } catch (error) {
      if (!(error instanceof UploadRefusedError)) throw error;
      if (res.headersSent) return void res.destroy();
      // The client may still be sending a body we refused: answer, then close the connection.
      sendJson(res, error.status, error.toJSON(), { connection: 'close' });
      req.resume();
    }
  };
}
