import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { findFileByPublicToken, findFilesByIds } from '../data/file-repo';
import type { UrlSigner } from '../domain/signed-urls';
import type { FilesRuntime } from '../runtime';
import { contentDisposition } from './content-disposition';
import { parseRange } from './ranges';
import { sendError } from './respond';

/** How long a public link's redirect target stays valid: just long enough to follow it. */
const PUBLIC_LINK_URL_SECONDS = 60;

/**
 * `GET|HEAD /files/d/<signed token>`: the bytes of a file (or its thumbnail) for whoever holds a
 * valid, unexpired URL — with ETag (the SHA-256), `If-None-Match` → 304, single `Range` → 206
 * (`If-Range` honoured), Content-Disposition from the grant. Served as the sniffed type with
 * `nosniff` and a sandboxing CSP, so an uploaded HTML or SVG file cannot run script on our origin.
 */
export async function serveDownload(runtime: FilesRuntime, signer: UrlSigner, token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const checked = signer.check(token, runtime.now());
  if (!checked.ok) {
    return checked.reason === 'URL_EXPIRED'
      ? sendError(res, 403, 'URL_EXPIRED', 'This download link has expired. Ask for a new one (File.downloadUrl).')
      : sendError(res, 403, 'SIGNATURE_INVALID', 'This download link is not valid (it was changed or cut short). Ask for a new one (File.downloadUrl).');
  }
  const { grant } = checked;
  const [row] = await findFilesByIds(runtime.db, [grant.fileId]);
  const key = grant.variant === 'thumbnail' ? row?.thumbnailKey : row?.storageKey;
  if (!row || !key) return sendError(res, 404, 'NOT_FOUND', 'This file no longer exists.');
  const size = grant.variant === 'thumbnail' ? ((await runtime.storage.head(key))?.size ?? null) : row.size;
  if (size === null) return sendError(res, 404, 'NOT_FOUND', 'This file no longer exists.');

  const etag = `"${grant.variant === 'thumbnail' ? 't-' : ''}${row.sha256}"`;
  const secondsLeft = Math.max(0, grant.expiresAt - Math.floor(runtime.now().getTime() / 1000));
  const headers: Record<string, string | number> = {
    etag,
    'accept-ranges': 'bytes',
    'content-type': grant.variant === 'thumbnail' ? 'image/webp' : row.contentType,
    'content-disposition': contentDisposition(grant.disposition, grant.variant === 'thumbnail' ? `${row.name}.webp` : row.name),
    'cache-control': `private, max-age=${secondsLeft}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
  };
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
    res.writeHead(304, headers);
    return void res.end();
  }
  const ifRange = req.headers['if-range'];
  const range = ifRange && ifRange !== etag ? null : parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'content-range': `bytes */${size}`, 'content-length': 0 });
    return void res.end();
  }
  const body = await runtime.storage.get(key, range ?? undefined);
  if (!body) return sendError(res, 404, 'NOT_FOUND', 'This file no longer exists.');
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${size}`;
    headers['content-length'] = range.end - range.start + 1;
  } else {
    headers['content-length'] = size;
  }
  res.writeHead(range ? 206 : 200, headers);
  if (req.method === 'HEAD') {
    body.destroy();
    return void res.end();
  }
  await pipeline(body, res).catch(() => res.destroy());
}

/** `GET /files/p/<public token>`: a file with a public link, for anyone — redirected to a fresh signed URL. */
export async function servePublicLink(runtime: FilesRuntime, signer: UrlSigner, token: string, res: ServerResponse): Promise<void> {
  const row = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await findFileByPublicToken(runtime.db, token) : null;
  if (!row) return sendError(res, 404, 'NOT_FOUND', 'There is no file at this link (it may have been unshared or deleted).');
  const expiresAt = Math.floor(runtime.now().getTime() / 1000) + PUBLIC_LINK_URL_SECONDS;
  res.writeHead(302, { location: signer.url({ fileId: row.id, variant: 'original', disposition: 'inline', expiresAt }), 'cache-control': 'no-store' });
  res.end();
}
