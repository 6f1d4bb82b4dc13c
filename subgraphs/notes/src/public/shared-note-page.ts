import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathOf, type Db, type Logger, type RequestHandler } from '@mosaic/kit';
import type { AttachmentTickets } from '@mosaic/files/attachments';
import { sharedNoteHtml } from '../domain/attachments/read';
import type { NoteRow } from '../data/tables';
import type { NotesSettings } from '../env';
import { readSharedNote, ShareLinkUnavailableError } from '../domain/share-links';

export interface SharedNotePageDeps {
  db: Db;
  log: Logger;
  now: () => Date;
  tickets: AttachmentTickets;
  settings: NotesSettings;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** No scripts at all, images over http(s) only: a second line of defence behind the sanitiser. */
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'none'; img-src https: http:; style-src 'unsafe-inline'",
  'referrer-policy': 'no-referrer',
  // A link can be revoked at any moment: never serve it from a cache.
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
};

function send(req: IncomingMessage, res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body), 'x-content-type-options': 'nosniff', ...PAGE_HEADERS, ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const page = (title: string, content: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head>
<body style="max-width:42rem;margin:2rem auto;font-family:system-ui,sans-serif;line-height:1.6;padding:0 1rem">
${content}
</body></html>
`;

const notePage = (note: NoteRow, html: string) =>
  page(note.title || 'Shared note', `<article><h1>${escapeHtml(note.title)}</h1>
<p><small>Shared read-only · last changed <time datetime="${note.updatedAt.toISOString()}">${note.updatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</time></small></p>
${html}
</article>`);

/**
 * Notes' public HTTP under `/notes` (`deployment.publicPaths`): `/notes/shared/<token>` shows the
 * note of a share link, read-only, as a page. A revoked, expired or unknown link is a 404 page
 * that says which.
 */
export function sharedNotePages(deps: SharedNotePageDeps): RequestHandler {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(req, res, 405, page('Not allowed', '<p>Only GET and HEAD.</p>'), { allow: 'GET, HEAD' });
    const path = pathOf(req.url);
    const token = /^\/notes\/shared\/([^/]+)$/.exec(path)?.[1];
    if (!token) return send(req, res, 404, page('Not found', '<h1>Not found</h1><p>Nothing is served at this address.</p>'));
    try {
      const note = await readSharedNote(deps.db, token, deps.now());
      return send(req, res, 200, notePage(note, await sharedNoteHtml(deps, note)));
    } catch (error) {
      if (error instanceof ShareLinkUnavailableError) return send(req, res, 404, page('Link unavailable', `<h1>This link does not lead to a note</h1><p>${escapeHtml(error.message)}</p>`), { 'x-share-link-status': error.reason.toLowerCase() });
      deps.log.error({ err: error, path: '/notes/shared/…' }, 'shared note page failed');
      return send(req, res, 500, page('Error', '<p>The note could not be shown; try again.</p>'));
    }
  };
}
