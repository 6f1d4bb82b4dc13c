import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Trusted documents (a persisted-operations allow-list). `pnpm codegen` writes the manifest of the
 * client operations (`schema/client/persisted-documents.json`: sha256 hash → document).
 * - `off`: any document, nothing checked (Apollo's automatic persisted queries work as usual); ids
 *   of the committed manifests are still understood, so a production build of the web app (which
 *   sends only ids) works against any gateway.
 * - `allow`: persisted ids are resolved, full documents are accepted too (migration period).
 * - `strict`: only documents in the manifest run — by id (`documentId: "sha256:<hash>"` or
 *   `extensions.persistedQuery.sha256Hash`) or as text whose hash is listed.
 */
export type TrustedDocumentsMode = 'off' | 'allow' | 'strict';

export interface TrustedDocuments {
  mode: TrustedDocumentsMode;
  /**
   * Rewrites a request (a POST body, GET parameters or a graphql-ws `subscribe` payload) to carry
   * its document, or says why it is refused. In strict mode every request that names an operation
   * must name a trusted one; a request naming none (the landing page) cannot execute anything.
   */
  resolve(params: unknown): { params: unknown } | { refused: { message: string; code: string } };
}

interface RequestParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
  [key: string]: unknown;
}

const NOT_ALLOWED = { message: 'This gateway runs only trusted documents: send a persisted document id.', code: 'PERSISTED_QUERY_NOT_ALLOWED' };

/** `manifestPaths`: one manifest, or several separated by commas (their documents together). */
export function loadTrustedDocuments(mode: TrustedDocumentsMode, manifestPaths: string): TrustedDocuments {
  const paths = manifestPaths.split(',').map((path) => path.trim()).filter(Boolean);
  const present = mode === 'off' ? paths.filter((path) => existsSync(path)) : paths;
  const manifest = new Map(present.flatMap((path) => [...readManifest(path)]));
  const known = new Set(manifest.values());
  const trusted = (query: string) => known.has(query) || manifest.has(sha256(query));
  return {
    mode,
    resolve(params) {
      if (mode === 'off' && manifest.size === 0) return { params };
      // A batch would carry several documents past one check.
      if (Array.isArray(params) && mode === 'off') return { params };
      if (Array.isArray(params)) return mode === 'strict' ? { refused: NOT_ALLOWED } : { params };
      if (!params || typeof params !== 'object') return { params };
      const request = params as RequestParams;
      const id = persistedId(request);
      if (id !== undefined) {
        const document = manifest.get(id);
        // Off: an id we do not know may be one of Apollo's automatic persisted queries.
        if (!document && mode === 'off') return { params };
        if (!document) return { refused: { message: `No trusted document has the id "${id.slice(0, 80)}". Regenerate your client's operations.`, code: 'PERSISTED_QUERY_NOT_FOUND' } };
        const { documentId: _id, extensions, ...rest } = request;
        const { persistedQuery: _persisted, ...otherExtensions } = extensions && typeof extensions === 'object' ? extensions : {};
        return { params: { ...rest, query: document, ...(Object.keys(otherExtensions).length ? { extensions: otherExtensions } : {}) } };
      }
      if (mode === 'strict' && typeof request.query === 'string' && request.query !== '' && !trusted(request.query)) return { refused: NOT_ALLOWED };
      return { params };
    },
  };
}

function persistedId(request: RequestParams): string | undefined {
  if (typeof request.documentId === 'string') return request.documentId.replace(/^sha256:/, '');
  const hash = request.extensions?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function readManifest(path: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Trusted documents are on but the manifest ${path} cannot be read (run \`pnpm codegen\`): ${(error as Error).message}`);
  }
  // Keys are written as "sha256:<hex>"; both spellings are accepted from clients.
  return new Map(Object.entries(parsed as Record<string, string>).map(([id, document]) => [id.replace(/^sha256:/, ''), document]));
}
