import type DataLoader from 'dataloader';
import DataLoaderClass from 'dataloader';
import { groupLoader, rowLoader, type CounterStore, type Db } from '@mosaic/kit';
import { findOpenInvitationsOf } from './invitations-repo';
import { findMembersOf, findMembershipsOfUsers } from './memberships-repo';
import { findOrganizationsByIds } from './organizations-repo';
import type { InvitationRow, MembershipRow, OrganizationRow } from './tables';

/**
 * Per-request loaders: `_entities` with N organisations asking for `members` (or N users asking
 * for `organizations`) is one statement per kind, whatever N. Refreshed after writes.
 */
export interface Loaders {
  organizationById: DataLoader<string, OrganizationRow | null>;
  membersOf: DataLoader<string, MembershipRow[], string>;
  membershipsOf: DataLoader<string, MembershipRow[], string>;
  openInvitationsOf: DataLoader<string, InvitationRow[], string>;
  /** Usage counters by key (`domain/usage.ts`): one read for every organisation of the request. */
  apiCallsThisMonth: DataLoader<string, number>;
}

const same = (id: string) => id;

export function createLoaders(db: Db, now: () => Date, usage: CounterStore): Loaders {
  return {
    organizationById: rowLoader((ids: readonly string[]) => findOrganizationsByIds(db, ids), (row) => row.id),
    membersOf: groupLoader((ids: readonly string[]) => findMembersOf(db, ids), (row) => row.organizationId, same),
    membershipsOf: groupLoader((ids: readonly string[]) => findMembershipsOfUsers(db, ids), (row) => row.userId, same),
    openInvitationsOf: groupLoader((ids: readonly string[]) => findOpenInvitationsOf(db, ids, now()), (row) => row.organizationId, same),
    apiCallsThisMonth: new DataLoaderClass((keys: readonly string[]) => usage.get(keys)),
  };
}
