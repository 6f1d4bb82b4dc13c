import { useSyncExternalStore } from 'react';
import { session } from '../../auth/session';

/**
 * Which organisation this session works in. Known exactly after a switch in this tab; after a
 * reload only the access token says an organisation is active (its `org_role` claim — the token is
 * read, not trusted: the server decides what it may do).
 */
let switchedTo: { id: string | null; name: string | null } | null = null;

export function rememberSwitch(organizationId: string | null, name: string | null): void {
  switchedTo = { id: organizationId, name };
}

function claims(): { org_id?: string; org_role?: string } {
  const payload = session.accessToken?.split('.')[1];
  if (!payload) return {};
  try {
    return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { org_id?: string; org_role?: string };
  } catch {
    return {};
  }
}

export interface ActiveOrganization {
  /** The organisation's GraphQL id when this tab switched to it; undefined when only the token tells. */
  id: string | null | undefined;
  /** Its name, when this tab switched to it. */
  name: string | null;
  role: string | null;
}

function read(): ActiveOrganization {
  const { org_id: orgId, org_role: role = null } = claims();
  if (!orgId) return { id: null, name: null, role: null };
  return { id: switchedTo?.id ?? undefined, name: switchedTo?.name ?? null, role };
}

let cached: ActiveOrganization = read();
export function useActiveOrganization(): ActiveOrganization {
  return useSyncExternalStore(
    (listener) => session.onTokenChange(() => {
      cached = read();
      listener();
    }),
    () => cached,
  );
}
