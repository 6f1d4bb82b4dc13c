import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId, eventTables } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { postLikes } from '../src/data/tables';
import { CREATE, publishedPost, startBlog, type Blog } from './harness';

let blog: Blog;
beforeAll(async () => {
  blog = await startBlog({ BLOG_COMMENT_APPROVAL: 'none' });
});
afterAll(() => blog?.close());

const LIKE = `mutation($id: ID!) { likePost(id: $id) { liked likeCount } }`;
const UNLIKE = `mutation($id: ID!) { unlikePost(id: $id) { liked likeCount } }`;
const COUNTS = `query($id: ID!) { post(id: $id) { likeCount viewerHasLiked } }`;

describe('likes', () => {
  it('one per user: liking twice changes nothing (and emits one post.liked); unlike undoes it', async () => {
    const author = await blog.author();
    const reader = await blog.reader();
    const id = await publishedPost(blog, author.token);
    expect((await blog.call(LIKE, { id }, reader.token)).data!.likePost).toEqual({ liked: true, likeCount: 1 });
    expect((await blog.call(LIKE, { id }, reader.token)).data!.likePost).toEqual({ liked: true, likeCount: 1 });
    expect((await blog.call(COUNTS, { id }, reader.token)).data!.post).toEqual({ likeCount: 1, viewerHasLiked: true });
    const outbox = eventTables('blog').outbox;
    const liked = (await blog.database.db().select().from(outbox).where(eq(outbox.type, 'post.liked'))).filter((row) => (row.payload as { postId: string }).postId === decodeId('Post', id));
    expect(liked).toHaveLength(1);
    expect((await blog.call(UNLIKE, { id }, reader.token)).data!.unlikePost).toEqual({ liked: false, likeCount: 0 });
    expect((await blog.call(UNLIKE, { id }, reader.token)).data!.unlikePost).toEqual({ liked: false, likeCount: 0 });
    expect((await blog.call(COUNTS, { id })).data!.post).toEqual({ likeCount: 0, viewerHasLiked: null });
  });

  it('counts stay exact under concurrency: 30 users (each liking 3 times at once) and 10 of them unliking', async () => {
    const author = await blog.author();
    const id = await publishedPost(blog, author.token);
    const users = await Promise.all(Array.from({ length: 30 }, () => blog.reader()));
    const likes = await Promise.all(users.flatMap((user) => [1, 2, 3].map(() => blog.call(LIKE, { id }, user.token))));
    expect(likes.every((r) => r.errors === undefined)).toBe(true);
    const unlikes = await Promise.all(users.slice(0, 10).map((user) => blog.call(UNLIKE, { id }, user.token)));
    expect(unlikes.every((r) => r.errors === undefined)).toBe(true);
    const rows = (await blog.database.db().select({ n: count() }).from(postLikes).where(eq(postLikes.postId, decodeId('Post', id))))[0]!.n;
    expect(rows).toBe(20);
    expect((await blog.call(COUNTS, { id })).data!.post.likeCount).toBe(20);
  });

  it('comment likes are idempotent and exact too; drafts cannot be liked', async () => {
    const author = await blog.author();
    const postId = await publishedPost(blog, author.token);
    const commentId = (await blog.call(`mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`, { input: { postId, bodyMarkdown: 'hi' } }, author.token)).data!.addComment.id;
    const users = await Promise.all(Array.from({ length: 15 }, () => blog.reader()));
    await Promise.all(users.flatMap((user) => [1, 2].map(() => blog.call(`mutation($id: ID!) { likeComment(id: $id) { likeCount } }`, { id: commentId }, user.token))));
    const comment = (await blog.call(`query($id: ID!) { post(id: $id) { comments { edges { node { likeCount } } } } }`, { id: postId })).data!.post.comments.edges[0].node;
    expect(comment.likeCount).toBe(15);
    const draft = (await blog.call(CREATE, { input: { title: 'd', bodyMarkdown: 'x' } }, author.token)).data!.createPost.id;
    expect(errorCodes(await blog.call(LIKE, { id: draft }, users[0]!.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await blog.call(LIKE, { id: postId }))).toEqual(['UNAUTHENTICATED']);
  });
});
