import { hash } from '@node-rs/argon2';
import { ADMIN_ROLE, encodeId, NotFoundError, refreshLoaders, validate, written, type Viewer } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteLinkRow, findLinkForUpdate, updateLinkRow } from '../data/links-repo';
import type { LinkRow, NewLink } from '../data/tables';
import { redirectStatusOf, updateInput, type UpdateValues } from './link-input';

type Ctx = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings' | 'cache' | 'titles'>;

/** The link, locked for the rest of the transaction, when the viewer may change it (owner or admin); NOT_FOUND otherwise. */
async function changeableLink(ctx: Ctx, db: Context['db'], viewer: Viewer, linkId: string): Promise<LinkRow> {
  const current = await findLinkForUpdate(db, linkId);
  if (!current || (current.ownerId !== viewer.userId && !ctx.auth.hasRole(ADMIN_ROLE))) throw new NotFoundError('Link', encodeId('Link', linkId));
  return current;
}

async function changesFor(current: LinkRow, values: UpdateValues, now: Date): Promise<Partial<NewLink>> {
  const changes: Partial<NewLink> = {};
  if (values.url !== undefined && values.url !== current.targetUrl) changes.targetUrl = values.url;
  if (values.title !== undefined) changes.title = values.title;
  if (values.tags !== undefined) changes.tags = values.tags;
  if (values.expiresAt !== undefined) changes.expiresAt = values.expiresAt;
  if (values.maxVisits !== undefined) changes.maxVisits = values.maxVisits;
  if (values.password !== undefined) changes.passwordHash = values.password === null ? null : await hash(values.password);
  if (values.redirectType !== undefined) changes.redirectStatus = redirectStatusOf(values.redirectType);
  if (values.disabled !== undefined && values.disabled !== (current.disabledAt !== null)) changes.disabledAt = values.disabled ? now : null;
  return changes;
}

/** Changes the given fields; every replica's redirect cache drops the old entry before this returns. */
export async function updateLink(ctx: Ctx, linkId: string, input: unknown): Promise<LinkRow> {
  const viewer = ctx.auth.require('links:write');
  const now = ctx.now();
  const values = validate(updateInput(ctx.settings, now), input);
  const link = await ctx.db.transaction(async (tx) => {
    const current = await changeableLink(ctx, tx, viewer, linkId);
    const changes = await changesFor(current, values, now);
    if (Object.keys(changes).length === 0) return current;
    return updateLinkRow(tx, current.id, { ...changes, updatedAt: now });
  });
  await ctx.cache.written(link.codeKey, link);
  if (link.title === null && values.url !== undefined) ctx.titles.enqueue(link.id, link.targetUrl);
  refreshLoaders(ctx.loaders, written(ctx.loaders.linkById, link.id, link));
  return link;
}

/** Deletes the link and its visits; its code answers 404 everywhere before this returns. */
export async function deleteLink(ctx: Ctx, linkId: string): Promise<string> {
  const viewer = ctx.auth.require('links:write');
  const link = await ctx.db.transaction(async (tx) => {
    const current = await changeableLink(ctx, tx, viewer, linkId);
    await deleteLinkRow(tx, current.id);
    return current;
  });
  await ctx.cache.written(link.codeKey, null);
  refreshLoaders(ctx.loaders, written(ctx.loaders.linkById, link.id, null));
  return link.id;
}
