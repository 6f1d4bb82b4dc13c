import { ConflictError, NotFoundError, refreshLoaders, uuidv7, validate, written } from '@mosaic/kit';
import type { Context } from '../context';
import { claimSlug, insertPost, lockPost, updatePost as writePost } from '../data/post-repo';
import { findRevisions, insertRevision } from '../data/revision-repo';
import type { Db } from '@mosaic/kit';
import type { NewPost, PostRow } from '../data/tables';
import { assertMayEdit } from './access';
import { deriveContent } from './content/derive';
import { slugCandidate, slugify } from './content/slugs';
import { createPostInput, updatePostInput } from './post-input';

type WriteContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'events'>;

/** The fields a revision records; a save that changes none of them is no save. */
interface Editable {
  title: string;
  slug: string;
  bodyMarkdown: string;
  customExcerpt: string | null;
  tags: string[];
  coverImageUrl: string | null;
}

const editableOf = (post: PostRow): Editable => ({
  title: post.title,
  slug: post.slug,
  bodyMarkdown: post.bodyMarkdown,
  customExcerpt: post.customExcerpt,
  tags: post.tags,
  coverImageUrl: post.coverImageUrl,
});

const sameEditable = (a: Editable, b: Editable) => JSON.stringify(a) === JSON.stringify(b);

/** The first free slug from `base` ("hello", "hello-2", …): claimed in the transaction, so two concurrent posts never share one. */
async function claimFreeSlug(tx: Db, base: string, postId: string, now: Date): Promise<string> {
  for (let attempt = 1; attempt <= 50; attempt++) {
    const candidate = slugCandidate(base, attempt);
    if (await claimSlug(tx, candidate, postId, now)) return candidate;
  }
  return claimFreeSlug(tx, `${base.slice(0, 60)}-${postId.slice(-12)}`, postId, now);
}

async function claimChosenSlug(tx: Db, slug: string, postId: string, now: Date): Promise<void> {
  if (!(await claimSlug(tx, slug, postId, now))) {
    throw new ConflictError(`The slug "${slug}" belongs to another post (now or before); choose another.`, { field: 'input.slug' });
  }
}

async function recordRevision(tx: Db, post: PostRow, savedBy: string, now: Date, restoredFrom: number | null) {
  await insertRevision(tx, {
    id: uuidv7(now.getTime()),
    postId: post.id,
    number: post.revision,
    title: post.title,
    slug: post.slug,
    bodyMarkdown: post.bodyMarkdown,
    excerpt: post.customExcerpt,
    tags: post.tags,
    coverImageUrl: post.coverImageUrl,
    savedBy,
    restoredFrom,
    createdAt: now,
  });
}

/** A new draft by the caller, saved as revision 1. */
export async function createPost(ctx: WriteContext, rawInput: unknown): Promise<PostRow> {
  const authorId = ctx.auth.require('blog:write').userId;
  const input = validate(createPostInput, rawInput);
  const now = ctx.now();
  const id = uuidv7(now.getTime());
  const post = await ctx.db.transaction(async (tx) => {
    let slug: string;
    if (input.slug) {
      await claimChosenSlug(tx, input.slug, id, now);
      slug = input.slug;
    } else {
      slug = await claimFreeSlug(tx, slugify(input.title), id, now);
    }
    const customExcerpt = input.excerpt || null;
    const row: NewPost = {
      id,
      authorId,
      title: input.title,
      slug,
      bodyMarkdown: input.bodyMarkdown,
      ...deriveContent(input.bodyMarkdown, customExcerpt),
      customExcerpt,
      tags: input.tags ?? [],
      coverImageUrl: input.coverImageUrl ?? null,
      status: 'draft',
      publishAt: null,
      publishedAt: null,
      revision: 1,
      likeCount: 0,
      createdAt: now,
      updatedAt: now,
    };
    const inserted = await insertPost(tx, row);
    await recordRevision(tx, inserted, authorId, now, null);
    await ctx.events.emit(tx, 'post.revised', { postId: id, revision: 1, savedBy: authorId, restoredFrom: null });
    return inserted;
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.postById, post.id, post));
  return post;
}

/**
 * Applies `next` to the locked post as a new revision (a new slug is claimed, the old one keeps
 * resolving). Unchanged fields: nothing is written, the post is returned as it is.
 */
async function save(ctx: WriteContext, tx: Db, post: PostRow, next: Editable, restoredFrom: number | null): Promise<PostRow> {
  const savedBy = ctx.auth.userId();
  if (sameEditable(editableOf(post), next)) return post;
  const now = ctx.now();
  if (next.slug !== post.slug) await claimChosenSlug(tx, next.slug, post.id, now);
  const changes: Partial<NewPost> = {
    ...next,
    ...(next.bodyMarkdown !== post.bodyMarkdown || next.customExcerpt !== post.customExcerpt ? deriveContent(next.bodyMarkdown, next.customExcerpt) : {}),
    revision: post.revision + 1,
    updatedAt: now,
  };
  const saved = await writePost(tx, post.id, changes);
  await recordRevision(tx, saved, savedBy, now, restoredFrom);
  await ctx.events.emit(tx, 'post.revised', { postId: post.id, revision: saved.revision, savedBy, restoredFrom });
  return saved;
}

/** Saves the given fields as a new revision: the author's own post, or any post for editors. */
export async function updatePost(ctx: WriteContext, postId: string, rawInput: unknown): Promise<PostRow> {
  ctx.auth.require('blog:write');
  const input = validate(updatePostInput, rawInput);
  const post = await ctx.db.transaction(async (tx) => {
    const current = await lockPost(tx, postId);
    assertMayEdit(ctx.auth, current);
    if (input.expectedRevision != null && input.expectedRevision !== current.revision) {
      throw new ConflictError(`The post was saved since you opened it (revision ${current.revision}, you edited ${input.expectedRevision}). Reload it and apply your changes again.`, { revision: current.revision });
    }
    const next: Editable = {
      title: input.title ?? current.title,
      slug: input.slug ?? current.slug,
      bodyMarkdown: input.bodyMarkdown ?? current.bodyMarkdown,
      customExcerpt: input.excerpt === undefined ? current.customExcerpt : input.excerpt || null,
      tags: input.tags ?? current.tags,
      coverImageUrl: input.coverImageUrl === undefined ? current.coverImageUrl : input.coverImageUrl,
    };
    return save(ctx, tx, current, next, null);
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.postById, post.id, post));
  return post;
}

/** Saves an older revision's fields as the newest revision (history is never rewritten). */
export async function restoreRevision(ctx: WriteContext, postId: string, number: number): Promise<PostRow> {
  ctx.auth.require('blog:write');
  const post = await ctx.db.transaction(async (tx) => {
    const current = await lockPost(tx, postId);
    assertMayEdit(ctx.auth, current);
    const [revision] = await findRevisions(tx, postId, [number]);
    if (!revision) throw new NotFoundError('Revision', String(number));
    const next: Editable = {
      title: revision.title,
      slug: revision.slug,
      bodyMarkdown: revision.bodyMarkdown,
      customExcerpt: revision.excerpt,
      tags: revision.tags,
      coverImageUrl: revision.coverImageUrl,
    };
    return save(ctx, tx, current, next, number);
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.postById, post.id, post));
  return post;
}
