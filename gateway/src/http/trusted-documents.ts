import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Trusted documents (a persisted-operations allow-list). `pnpm codegen` writes the manifest of the
 * client operations (`schema/client/persisted-documents.json`: sha256 hash → document).
 * - `off`: any document; persisted ids are still resolved when the manifest exists.
 * - `allow`: persisted ids are resolved, full documents are accepted too (migration period).
 * - `strict`: only documents in the manifest run — by id (`documentId: "sha256:<hash>"` or
 *   `extensions.persistedQuery.sha256Hash`) or as text whose hash is listed.
 */
export type TrustedDocumentsMode = 'off' | 'allow' | 'strict';

export interface TrustedDocuments {
  mode: TrustedDocumentsMode;
  /** Rewrites a request body to carry its document, or returns why it is refused. */
  resolve(body: unknown): { body: unknown } | { refused: { message: string; code: string } };
}

interface RequestBody {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
  [key: string]: unknown;
}

export function loadTrustedDocuments(mode: TrustedDocumentsMode, manifestPath: string): TrustedDocuments {
  const manifest = mode === 'off' ? new Map<string, string>() : readManifest(manifestPath);
  const known = new Set(manifest.values());
  return {
    mode,
    resolve(body) {
      if (mode === 'off' || !body || typeof body !== 'object' || Array.isArray(body)) return { body };
      const request = body as RequestBody;
      const id = persistedId(request);
      if (id !== undefined) {
        const document = manifest.get(id);
        if (!document) return { refused: { message: `No trusted document has the id "${id.slice(0, 80)}". Regenerate your client's operations.`, code: 'PERSISTED_QUERY_NOT_FOUND' } };
        const { documentId: _id, extensions, ...rest } = request;
        const { persistedQuery: _persisted, ...otherExtensions } = extensions ?? {};
        return { body: { ...rest, query: document, ...(Object.keys(otherExtensions).length ? { extensions: otherExtensions } : {}) } };
      }
      if (mode === 'strict' && typeof request.query === 'string' && !known.has(request.query) && !manifest.has(sha256(request.query))) {
        return { refused: { message: 'This gateway runs only trusted documents: send a persisted document id.', code: 'PERSISTED_QUERY_NOT_ALLOWED' } };
      }
      return { body };
    },
  };
}

function persistedId(request: RequestBody): string | undefined {
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
