import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { findLink } from '../domain/find-links';
import { stateOf, rowFacts } from '../domain/link-state';
import { linkStats } from '../domain/stats/visit-stats';
import type { LinkResolvers } from '../resolvers.generated';

export const Link: LinkResolvers = {
  // `_entities` applies the same rule as `Query.link`: only the owner (or an admin) resolves it; others get null.
  __resolveReference: (reference, ctx) => findLink(ctx, decodeId('Link', reference.id)),
  id: (row) => encodeId('Link', row.id),
  shortUrl: (row, _args, ctx) => `${ctx.settings.publicUrl}/${encodeURIComponent(row.code)}`,
  qrCodeUrl: (row, _args, ctx) => `${ctx.settings.publicUrl}/${encodeURIComponent(row.code)}/qr`,
  redirectType: (row) => (row.redirectStatus === 301 ? 'PERMANENT' : 'TEMPORARY'),
  passwordProtected: (row) => row.passwordHash !== null,
  disabled: (row) => row.disabledAt !== null,
  state: (row, _args, ctx) => stateOf(rowFacts(row), ctx.requestedAt.getTime()),
  owner: (row) => (row.ownerId ? userReference(row.ownerId) : null),
  stats: (row, args, ctx) => linkStats(ctx, row, args),
};
