import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId, eventTables } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { posts } from '../src/data/tables';
import { publishDuePosts } from '../src/domain/post-status';
import { ARCHIVE, BY_SLUG, CREATE, FIND, LIST, PUBLISH, SCHEDULE, UNPUBLISH, UPDATE, publishedPost, startBlog, type Blog } from './harness';

let blog: Blog;
beforeAll(async () => {
  blog = await startBlog();
});
afterAll(() => blog?.close());

const postCount = async () => (await blog.database.db().select({ n: count() }).from(posts))[0]!.n;

describe('posts', () => {
  it('an author drafts a post: slug from the title, sanitised HTML, excerpt, reading time, tags normalised', async () => {
    const author = await blog.author();
    const created = await blog.call(CREATE, { input: { title: '  Crème brûlée, explained  ', bodyMarkdown: '# Hi\n\nSome *text* <script>alert(1)</script> [x](javascript:alert(1))', tags: ['Food', 'food', ' Desserts '] } }, author.token);
    expect(created.errors).toBeUndefined();
    const post = created.data!.createPost;
    expect(post).toMatchObject({ title: 'Crème brûlée, explained', slug: 'creme-brulee-explained', status: 'DRAFT', revision: 1, tags: ['food', 'desserts'], readingMinutes: 1, likeCount: 0, commentCount: 0, author: { id: author.publicId } });
    expect(post.bodyHtml).not.toMatch(/<script|href="javascript:/i);
    expect(post.excerpt).toBe('Hi Some text [x](javascript:alert(1))');
  });

  it('drafts are hidden from others and anonymous readers; published posts are public', async () => {
    const author = await blog.author();
    const other = await blog.author();
    const created = await blog.call(CREATE, { input: { title: 'Secret draft', bodyMarkdown: 'x' } }, author.token);
    const id = created.data!.createPost.id;
    expect((await blog.call(FIND, { id })).data).toEqual({ post: null });
    expect((await blog.call(FIND, { id }, other.token)).data).toEqual({ post: null });
    expect((await blog.call(FIND, { id }, (await blog.editor()).token)).data!.post).toMatchObject({ id });
    await blog.call(PUBLISH, { id }, author.token);
    expect((await blog.call(FIND, { id })).data!.post).toMatchObject({ id, status: 'PUBLISHED' });
  });

  it("refuses editing another author's post (FORBIDDEN), lets editors edit any, and changes nothing on refusal", async () => {
    const author = await blog.author();
    const intruder = await blog.author();
    const id = await publishedPost(blog, author.token, { title: 'Mine' });
    const refused = await blog.call(UPDATE, { id, input: { title: 'Hijacked' } }, intruder.token);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await blog.call(ARCHIVE, { id }, intruder.token))).toEqual(['FORBIDDEN']);
    expect((await blog.call(FIND, { id })).data!.post).toMatchObject({ title: 'Mine', status: 'PUBLISHED' });
    const edited = await blog.call(UPDATE, { id, input: { title: 'Edited by an editor' } }, (await blog.editor()).token);
    expect(edited.data!.updatePost).toMatchObject({ title: 'Edited by an editor', revision: 2 });
  });

  it('readers without the author role cannot write; anonymous callers are UNAUTHENTICATED', async () => {
    const before = await postCount();
    expect(errorCodes(await blog.call(CREATE, { input: { title: 'x', bodyMarkdown: 'x' } }, (await blog.reader()).token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await blog.call(CREATE, { input: { title: 'x', bodyMarkdown: 'x' } }))).toEqual(['UNAUTHENTICATED']);
    expect(await postCount()).toBe(before);
  });

  it('bad input names the field and writes nothing', async () => {
    const author = await blog.author();
    const before = await postCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '  ', bodyMarkdown: 'x' }, 'input.title'],
      [{ title: 'x', bodyMarkdown: 'x', slug: 'Not A Slug!' }, 'input.slug'],
      [{ title: 'x', bodyMarkdown: 'x', coverImageUrl: 'javascript:alert(1)' }, 'input.coverImageUrl'],
      [{ title: 'x', bodyMarkdown: 'x', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'input.tags'],
    ];
    for (const [input, field] of cases) {
      const result = await blog.call(CREATE, { input }, author.token);
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await postCount()).toBe(before);
  });

  it('slugs are unique forever: a renamed post keeps resolving by its old slug, which no other post can take', async () => {
    const author = await blog.author();
    const base = `slug-${Date.now()}`;
    const id = await publishedPost(blog, author.token, { title: 'First name', slug: base });
    const second = await blog.call(CREATE, { input: { title: 'First name', bodyMarkdown: 'x', slug: base } }, author.token);
    expect(errorCodes(second)).toEqual(['CONFLICT']);
    const renamed = await blog.call(UPDATE, { id, input: { slug: `${base}-renamed` } }, author.token);
    expect(renamed.data!.updatePost).toMatchObject({ slug: `${base}-renamed`, previousSlugs: [base] });
    expect((await blog.call(BY_SLUG, { slug: base })).data!.postBySlug).toEqual({ id, slug: `${base}-renamed` });
    const thief = await blog.author();
    expect(errorCodes(await blog.call(CREATE, { input: { title: 'x', bodyMarkdown: 'x', slug: base } }, thief.token))).toEqual(['CONFLICT']);
    // Same title twice without a chosen slug: the second gets a numbered one.
    const a = await blog.call(CREATE, { input: { title: `Twin ${base}`, bodyMarkdown: 'x' } }, author.token);
    const b = await blog.call(CREATE, { input: { title: `Twin ${base}`, bodyMarkdown: 'x' } }, author.token);
    expect(b.data!.createPost.slug).toBe(`${a.data!.createPost.slug}-2`);
  });

  it('optimistic concurrency: a save over a newer revision is a CONFLICT', async () => {
    const author = await blog.author();
    const id = await publishedPost(blog, author.token);
    await blog.call(UPDATE, { id, input: { bodyMarkdown: 'v2', expectedRevision: 1 } }, author.token);
    const stale = await blog.call(UPDATE, { id, input: { bodyMarkdown: 'v2 from a stale tab', expectedRevision: 1 } }, author.token);
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
  });

  it('status changes: archive hides, unpublish returns to draft, republishing keeps the first publication date', async () => {
    const author = await blog.author();
    const id = await publishedPost(blog, author.token);
    const first = (await blog.call(`query($id: ID!) { post(id: $id) { publishedAt } }`, { id })).data!.post.publishedAt;
    expect((await blog.call(ARCHIVE, { id }, author.token)).data!.archivePost.status).toBe('ARCHIVED');
    expect((await blog.call(FIND, { id })).data!.post).toBeNull();
    expect(errorCodes(await blog.call(ARCHIVE, { id }, author.token))).toEqual(['CONFLICT']);
    expect((await blog.call(UNPUBLISH, { id }, author.token)).data!.unpublishPost.status).toBe('DRAFT');
    blog.clock.advance(60_000);
    expect((await blog.call(PUBLISH, { id }, author.token)).data!.publishPost.publishedAt).toBe(first);
  });
});

describe('listing, search and pagination', () => {
  it('pages newest first with cursors, filters by tag and author, and searches by relevance', async () => {
    const author = await blog.author();
    const tag = `tag${Date.now()}`;
    const ids: string[] = [];
    for (const title of ['Alpha kiwi', 'Beta kiwi kiwi', 'Gamma mango']) {
      blog.clock.advance(1000);
      ids.push(await publishedPost(blog, author.token, { title, bodyMarkdown: `About ${title}.`, tags: [tag] }));
    }
    const first = await blog.call(LIST, { filter: { tag }, first: 2 });
    expect(first.data!.posts.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Gamma mango', 'Beta kiwi kiwi']);
    expect(first.data!.posts.pageInfo.hasNextPage).toBe(true);
    const rest = await blog.call(LIST, { filter: { tag }, first: 2, after: first.data!.posts.pageInfo.endCursor });
    expect(rest.data!.posts.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Alpha kiwi']);
    expect(rest.data!.posts.pageInfo.hasNextPage).toBe(false);
    const byAuthor = await blog.call(LIST, { filter: { authorId: author.publicId } });
    expect(byAuthor.data!.posts.edges).toHaveLength(3);
    const search = await blog.call(LIST, { filter: { search: 'kiwi', tag } });
    expect(search.data!.posts.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Beta kiwi kiwi', 'Alpha kiwi']);
    const page1 = await blog.call(LIST, { filter: { search: 'kiwi', tag }, first: 1 });
    const page2 = await blog.call(LIST, { filter: { search: 'kiwi', tag }, first: 1, after: page1.data!.posts.pageInfo.endCursor });
    expect(page2.data!.posts.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Alpha kiwi']);
  });

  it('unpublished lists: authors see only their own drafts, editors everyone\'s', async () => {
    const author = await blog.author();
    const other = await blog.author();
    await blog.call(CREATE, { input: { title: 'my draft', bodyMarkdown: 'x' } }, author.token);
    await blog.call(CREATE, { input: { title: 'their draft', bodyMarkdown: 'x' } }, other.token);
    const mine = await blog.call(LIST, { filter: { status: 'DRAFT' }, first: 100 }, author.token);
    expect(mine.data!.posts.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['my draft']);
    expect(errorCodes(await blog.call(LIST, { filter: { status: 'DRAFT', authorId: other.publicId } }, author.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await blog.call(LIST, { filter: { status: 'DRAFT' } }))).toEqual(['UNAUTHENTICATED']);
    const all = await blog.call(LIST, { filter: { status: 'DRAFT' }, first: 100 }, (await blog.editor()).token);
    expect(all.data!.posts.edges.length).toBeGreaterThanOrEqual(2);
  });
});

describe('scheduled publishing', () => {
  it('refuses a time in the past; publishes when due — once, with several schedulers racing — and emits post.published', async () => {
    const author = await blog.author();
    const created = await blog.call(CREATE, { input: { title: 'Later', bodyMarkdown: 'x' } }, author.token);
    const id = created.data!.createPost.id;
    expect(errorCodes(await blog.call(SCHEDULE, { id, at: new Date(blog.clock.now().getTime() - 1000).toISOString() }, author.token))).toEqual(['BAD_USER_INPUT']);
    const at = new Date(blog.clock.now().getTime() + 3_600_000);
    expect((await blog.call(SCHEDULE, { id, at: at.toISOString() }, author.token)).data!.schedulePost).toMatchObject({ status: 'SCHEDULED', publishAt: at.toISOString() });
    expect(await blog.built.scheduler.runOnce()).toEqual([]);
    expect((await blog.call(FIND, { id })).data!.post).toBeNull();

    blog.clock.set(new Date(at.getTime() + 1000));
    // Five "replicas" at once over their own connections: SKIP LOCKED hands the post to exactly one.
    const events = blog.served.events.outbox((await import('../src/events')).blogEvents);
    const results = await Promise.all(Array.from({ length: 5 }, () => publishDuePosts(blog.database.db(), events, blog.clock.now())));
    expect(results.flat().map((post) => post.id)).toEqual([decodeId('Post', id)]);
    const post = (await blog.call(`query($id: ID!) { post(id: $id) { status publishedAt } }`, { id })).data!.post;
    expect(post).toEqual({ status: 'PUBLISHED', publishedAt: at.toISOString() });
    const outbox = eventTables('blog').outbox;
    const published = await blog.database.db().select().from(outbox).where(eq(outbox.type, 'post.published'));
    expect(published.filter((row) => (row.payload as { postId: string }).postId === decodeId('Post', id))).toHaveLength(1);
  });
});
