import type { DocumentNode } from 'graphql';
import * as documents from '../graphql/graphql';

/**
 * Production builds send persisted ids only (trusted documents): `pnpm codegen` embeds each
 * document's sha256 in it (`__meta__.hash`) and writes the manifest the gateway loads. Looked up by
 * operation name, since Apollo hands links a transformed copy of the document.
 */
const hashByOperation = new Map<string, string>();
for (const value of Object.values(documents)) {
  const meta = (value as { __meta__?: { hash?: string } } | null)?.__meta__;
  const definition = (value as Partial<DocumentNode> | null)?.definitions?.find((d) => d.kind === 'OperationDefinition');
  if (meta?.hash && definition?.kind === 'OperationDefinition' && definition.name) hashByOperation.set(definition.name.value, meta.hash.replace(/^sha256:/, ''));
}

/** Whether to send ids instead of documents: production builds, unless VITE_SEND_DOCUMENTS=true. */
export const sendPersistedIds = import.meta.env.PROD && import.meta.env.VITE_SEND_DOCUMENTS !== 'true';

export function persistedHashOf(operationName: string | undefined): string | undefined {
  return operationName ? hashByOperation.get(operationName) : undefined;
}

/** The `extensions` that name a persisted document (Apollo's APQ shape, which the gateway accepts). */
export function persistedExtensions(operationName: string | undefined): { persistedQuery: { version: 1; sha256Hash: string } } | undefined {
  const sha256Hash = persistedHashOf(operationName);
  return sha256Hash ? { persistedQuery: { version: 1, sha256Hash } } : undefined;
}
