import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { testLogger } from '@mosaic/testing';
import { commentLikes, comments, postLikes, postRevisions, posts, postSlugs } from '../src/data/tables';
import { forgetDeletedAccount } from '../src/domain/account-deleted';
import { publishedPost, startBlog, type Blog } from './harness';

let blog: Blog;
beforeAll(async () => {
  blog = await startBlog({ BLOG_COMMENT_APPROVAL: 'none' });
});
afterAll(() => blog?.close());

const ADD = `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`;

describe('account.deleted', () => {
  it("removes the author's posts with everything on them, and the reader's likes and comments (text only where replied to)", async () => {
    const leaving = await blog.author();
    const staying = await blog.author();
    const own = await publishedPost(blog, leaving.token);
    const theirs = await publishedPost(blog, staying.token);
    await blog.call(ADD, { input: { postId: own, bodyMarkdown: 'on the leaving post' } }, staying.token);
    const answered = (await blog.call(ADD, { input: { postId: theirs, bodyMarkdown: 'answered' } }, leaving.token)).data!.addComment.id;
    await blog.call(ADD, { input: { postId: theirs, parentId: answered, bodyMarkdown: 'a reply' } }, staying.token);
    const lonely = (await blog.call(ADD, { input: { postId: theirs, bodyMarkdown: 'lonely' } }, leaving.token)).data!.addComment.id;
    await blog.call(`mutation($id: ID!) { likeComment(id: $id) { likeCount } }`, { id: lonely }, staying.token);
    await blog.call(`mutation($id: ID!) { likePost(id: $id) { likeCount } }`, { id: theirs }, leaving.token);

    // The handler as the consumer runs it (the end-to-end test covers delivery from accounts).
    const db = blog.database.db();
    await db.transaction((tx) =>
      forgetDeletedAccount(
        { id: crypto.randomUUID(), type: 'account.deleted', version: 1, domain: 'accounts', aggregateId: leaving.userId, tenantId: null, occurredAt: new Date().toISOString(), traceparent: null, payload: { userId: leaving.userId, deletedAt: new Date().toISOString() } },
        { tx, log: testLogger },
      ),
    );

    const n = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;
    const ownId = decodeId('Post', own);
    expect(await n(db.select({ n: count() }).from(posts).where(eq(posts.id, ownId)))).toBe(0);
    expect(await n(db.select({ n: count() }).from(postSlugs).where(eq(postSlugs.postId, ownId)))).toBe(0);
    expect(await n(db.select({ n: count() }).from(postRevisions).where(eq(postRevisions.postId, ownId)))).toBe(0);
    expect(await n(db.select({ n: count() }).from(comments).where(eq(comments.postId, ownId)))).toBe(0);
    expect(await n(db.select({ n: count() }).from(comments).where(eq(comments.id, decodeId('Comment', lonely))))).toBe(0);
    expect(await n(db.select({ n: count() }).from(commentLikes).where(eq(commentLikes.commentId, decodeId('Comment', lonely))))).toBe(0);
    const [kept] = await db.select().from(comments).where(eq(comments.id, decodeId('Comment', answered)));
    expect(kept).toMatchObject({ bodyMarkdown: '', deletedAt: expect.any(Date) });
    expect(await n(db.select({ n: count() }).from(postLikes).where(eq(postLikes.userId, leaving.userId)))).toBe(0);
    expect((await blog.call(`query($id: ID!) { post(id: $id) { likeCount commentCount } }`, { id: theirs })).data!.post).toEqual({ likeCount: 0, commentCount: 1 });
  });
});
