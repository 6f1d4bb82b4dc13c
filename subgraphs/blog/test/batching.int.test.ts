import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedPost, startBlog, type Blog } from './harness';

let blog: Blog;
beforeAll(async () => {
  blog = await startBlog({ BLOG_COMMENT_APPROVAL: 'none', BLOG_COMMENT_RATE_LIMIT: '1000' });
});
afterAll(() => blog?.close());

const PAGE = `query($filter: PostFilter, $first: Int) {
  posts(filter: $filter, first: $first) { edges { node {
    title author { id } likeCount commentCount viewerHasLiked previousSlugs viewerCanEdit
    comments(first: 3) { edges { node { author { id } likeCount viewerHasLiked bodyHtml replies(first: 2) { edges { node { id author { id } } } } } } }
  } } }
}`;
const USER_POSTS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { posts(first: 3) { edges { node { title commentCount likeCount } } } } } }`;

describe('no N+1', () => {
  it('a page of posts with authors, counts, likes, comments and replies costs the same SQL statements for 2 and 10 posts', async () => {
    const tag = `batch${Date.now()}`;
    const authors = await Promise.all(Array.from({ length: 10 }, () => blog.author()));
    const reader = await blog.reader();
    for (const author of authors) {
      const postId = await publishedPost(blog, author.token, { tags: [tag] });
      const comment = (await blog.call(`mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`, { input: { postId, bodyMarkdown: 'c' } }, reader.token)).data!.addComment.id;
      await blog.call(`mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`, { input: { postId, parentId: comment, bodyMarkdown: 'r' } }, author.token);
      await blog.call(`mutation($id: ID!) { likePost(id: $id) { likeCount } }`, { id: postId }, reader.token);
    }
    const statementsFor = async (first: number) => {
      blog.counter.reset();
      const result = await blog.call(PAGE, { filter: { tag }, first }, reader.token);
      expect(result.errors).toBeUndefined();
      expect(result.data!.posts.edges).toHaveLength(first);
      expect(result.data!.posts.edges[0].node).toMatchObject({ likeCount: 1, commentCount: 2, viewerHasLiked: true });
      return blog.counter.count;
    };
    const forTwo = await statementsFor(2);
    expect(await statementsFor(10)).toBe(forTwo);
    // posts, comment counts, likes by the viewer, slugs, top comments, their likes by the viewer, replies.
    expect(forTwo).toBe(7);

    const reps = (n: number) => authors.slice(0, n).map((author) => ({ __typename: 'User', id: author.publicId }));
    const entitiesFor = async (n: number) => {
      blog.counter.reset();
      const result = await blog.call(USER_POSTS, { reps: reps(n) });
      expect(result.errors).toBeUndefined();
      return blog.counter.count;
    };
    expect(await entitiesFor(10)).toBe(await entitiesFor(2));
  });
});
