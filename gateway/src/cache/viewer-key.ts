import { createHash } from 'node:crypto';
import type { Viewer } from '@mosaic/kit';

/**
 * Whom a PRIVATE entry belongs to: the user, the organisation they act in (and their role there),
 * the OAuth client and the scopes — everything a subgraph may answer differently for. Sessions of
 * the same user with the same grants share entries; anonymous requests share theirs.
 */
export function viewerKeyOf(viewer: Viewer | null): string {
  if (!viewer) return 'anonymous';
  const parts = [viewer.userId, viewer.tenant?.id ?? '', viewer.tenant?.role ?? '', viewer.clientId ?? '', [...viewer.roles].sort().join(','), [...viewer.scopes].sort().join(',')];
  return createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 22);
}
