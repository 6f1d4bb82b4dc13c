import { hash } from '@node-rs/argon2';
import { ConflictError, isUniqueViolation, refreshLoaders, UnauthenticatedError, UserInputError, uuidv7, validate, written } from '@mosaic/kit';
import type { Context } from '../context';
import { countLinksOf, insertLink } from '../data/links-repo';
import type { LinkRow, NewLink } from '../data/tables';
import { codeKeyOf, generateCode, isReserved } from './codes';
import { redirectStatusOf, shortenInput } from './link-input';

/** Tries per code length before a generated code gets one character longer (a crowded code space). */
const TRIES_PER_LENGTH = 3;
const LONGER_BY_AT_MOST = 3;

type Ctx = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings' | 'cache' | 'titles'>;

function ownerOf(ctx: Ctx): string | null {
  if (ctx.auth.viewer) return ctx.auth.require('links:write').userId;
  if (!ctx.settings.anonymousShortening) throw new UnauthenticatedError('Sign in to shorten links: this deployment does not allow anonymous shortening.');
  return null;
}

/**
 * A new short link: the alias asked for, or a generated code (retried on the rare collision, then
 * longer). Visible to redirects at once (the cache is written through); the title, when none was
 * given, is read from the target page in the background.
 */
export async function shortenLink(ctx: Ctx, input: unknown): Promise<LinkRow> {
  const ownerId = ownerOf(ctx);
  const now = ctx.now();
  const values = validate(shortenInput(ctx.settings, now), input);
  if (ownerId && (await countLinksOf(ctx.db, ownerId)) >= ctx.settings.maxPerUser) {
    throw new ConflictError(`You already have ${ctx.settings.maxPerUser.toLocaleString('en')} links, the most one account may keep. Delete some first.`);
  }
  const base: Omit<NewLink, 'code' | 'codeKey'> = {
    id: uuidv7(now.getTime()),
    ownerId,
    targetUrl: values.url,
    title: values.title ?? null,
    tags: values.tags ?? [],
    redirectStatus: redirectStatusOf(values.redirectType ?? 'TEMPORARY'),
    expiresAt: values.expiresAt ?? null,
    maxVisits: values.maxVisits ?? null,
    visitCount: 0,
    passwordHash: values.password ? await hash(values.password) : null,
    disabledAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const row = values.alias ? await insertWithAlias(ctx, base, values.alias) : await insertWithGeneratedCode(ctx, base);
  await ctx.cache.written(row.codeKey, row);
  if (row.title === null) ctx.titles.enqueue(row.id, row.targetUrl);
  refreshLoaders(ctx.loaders, written(ctx.loaders.linkById, row.id, row));
  return row;
}

async function insertWithAlias(ctx: Ctx, base: Omit<NewLink, 'code' | 'codeKey'>, alias: string): Promise<LinkRow> {
  try {
    return await insertLink(ctx.db, { ...base, code: alias, codeKey: codeKeyOf(alias) });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserInputError(`input.alias: "${alias}" is already taken (aliases ignore case); choose another.`, 'input.alias');
    throw error;
  }
}

async function insertWithGeneratedCode(ctx: Ctx, base: Omit<NewLink, 'code' | 'codeKey'>): Promise<LinkRow> {
  for (let attempt = 0; attempt < TRIES_PER_LENGTH * (LONGER_BY_AT_MOST + 1); attempt++) {
    const code = generateCode(ctx.settings.codeLength + Math.floor(attempt / TRIES_PER_LENGTH));
    if (isReserved(code)) continue;
    try {
      return await insertLink(ctx.db, { ...base, code, codeKey: code });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new ConflictError('Could not find a free code for this link; try again.');
}
