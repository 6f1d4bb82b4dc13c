import DataLoader from 'dataloader';
import { groupLoader, rowLoader, type Db } from '@mosaic/kit';
import { findOAuthClientsByIds } from './oauth-clients-repo';
import { findGrantsOfAccounts } from './oidc-models-repo';
import { findActiveSessionsOfUsers } from './sessions-repo';
import type { OAuthClientRow, SessionRow, TotpCredentialRow, UserRow } from './tables';
import { findConfirmedTotpUserIds, unusedRecoveryCodeCounts } from './two-factor-repo';
import { findUsersByIds } from './users-repo';

export interface Loaders {
  userById: DataLoader<string, UserRow | null>;
  sessionsByUserId: DataLoader<string, SessionRow[], string>;
  confirmedTotpByUserId: DataLoader<string, TotpCredentialRow | null>;
  recoveryCodesLeftByUserId: DataLoader<string, number>;
  grantsByUserId: DataLoader<string, Awaited<ReturnType<typeof findGrantsOfAccounts>>, string>;
  oauthClientById: DataLoader<string, OAuthClientRow | null>;
}

/** Per-request loaders: `_entities` with N users costs one query per relation. */
export function createLoaders(db: Db, now: () => Date): Loaders {
  return {
    userById: rowLoader((ids) => findUsersByIds(db, ids), (user) => user.id),
    sessionsByUserId: groupLoader((ids) => findActiveSessionsOfUsers(db, ids), (session) => session.userId, (id) => id),
    confirmedTotpByUserId: rowLoader((ids) => findConfirmedTotpUserIds(db, ids), (credential) => credential.userId),
    recoveryCodesLeftByUserId: new DataLoader(async (ids) => {
      const counts = new Map((await unusedRecoveryCodeCounts(db, ids)).map((row) => [row.userId, row.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    grantsByUserId: groupLoader((ids) => findGrantsOfAccounts(db, ids, now()), (grant) => grant.accountId ?? '', (id) => id),
    oauthClientById: rowLoader((ids) => findOAuthClientsByIds(db, ids), (client) => client.id),
  };
}
