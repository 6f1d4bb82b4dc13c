import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { CREATE, publishedPost, startBlog, type Blog } from './harness';

let blog: Blog;
beforeAll(async () => {
  blog = await startBlog({ BLOG_COMMENT_RATE_LIMIT: '3', BLOG_COMMENT_RATE_WINDOW_SECONDS: '60' });
});
afterAll(() => blog?.close());

const ADD = `mutation($input: AddCommentInput!) { addComment(input: $input) { id status bodyHtml parent { id } author { id } } }`;
const MODERATE = `mutation($id: ID!, $decision: ModerationDecision!) { moderateComment(id: $id, decision: $decision) { id status } }`;
const THREAD = `query($id: ID!) { post(id: $id) { commentCount comments { edges { node { id bodyHtml deleted status replies { edges { node { id bodyMarkdown } } } } } } } }`;
const QUEUE = `{ commentModerationQueue(first: 100) { edges { node { id post { id } } } } }`;

describe('comments', () => {
  it('a reader comments (pending), an editor approves it from the queue; replies thread; counts follow', async () => {
    const author = await blog.author();
    const reader = await blog.reader();
    const editor = await blog.editor();
    const postId = await publishedPost(blog, author.token);
    const added = await blog.call(ADD, { input: { postId, bodyMarkdown: 'Nice <script>alert(1)</script> [x](javascript:alert(1))' } }, reader.token);
    expect(added.errors).toBeUndefined();
    const comment = added.data!.addComment;
    expect(comment.status).toBe('PENDING');
    expect(comment.bodyHtml).not.toMatch(/<script|href="javascript:/i);
    // Pending: hidden from the public and not counted.
    expect((await blog.call(THREAD, { id: postId })).data!.post).toMatchObject({ commentCount: 0, comments: { edges: [] } });
    const queue = (await blog.call(QUEUE, {}, editor.token)).data!.commentModerationQueue.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(queue).toContain(comment.id);
    expect(errorCodes(await blog.call(QUEUE, {}, reader.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await blog.call(MODERATE, { id: comment.id, decision: 'APPROVE' }, reader.token))).toEqual(['FORBIDDEN']);
    expect((await blog.call(MODERATE, { id: comment.id, decision: 'APPROVE' }, editor.token)).data!.moderateComment.status).toBe('APPROVED');

    // Editors' comments need no approval.
    const reply = await blog.call(ADD, { input: { postId, parentId: comment.id, bodyMarkdown: 'Thanks!' } }, editor.token);
    expect(reply.data!.addComment).toMatchObject({ status: 'APPROVED', parent: { id: comment.id } });
    const thread = (await blog.call(THREAD, { id: postId })).data!.post;
    expect(thread.commentCount).toBe(2);
    expect(thread.comments.edges).toHaveLength(1);
    expect(thread.comments.edges[0].node.replies.edges.map((e: { node: { bodyMarkdown: string } }) => e.node.bodyMarkdown)).toEqual(['Thanks!']);
  });

  it('edit and delete own only; a deleted comment keeps its place in the thread without its text; spam is hidden', async () => {
    const author = await blog.author();
    const reader = await blog.reader();
    const other = await blog.reader();
    const editor = await blog.editor();
    const postId = await publishedPost(blog, author.token);
    const id = (await blog.call(ADD, { input: { postId, bodyMarkdown: 'first' } }, reader.token)).data!.addComment.id;
    await blog.call(MODERATE, { id, decision: 'APPROVE' }, editor.token);
    await blog.call(ADD, { input: { postId, parentId: id, bodyMarkdown: 'reply' } }, editor.token);
    expect(errorCodes(await blog.call(`mutation($id: ID!) { editComment(id: $id, bodyMarkdown: "hacked") { id } }`, { id }, other.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await blog.call(`mutation($id: ID!) { deleteComment(id: $id) { id } }`, { id }, other.token))).toEqual(['FORBIDDEN']);
    const edited = await blog.call(`mutation($id: ID!) { editComment(id: $id, bodyMarkdown: "*edited*") { bodyHtml editedAt } }`, { id }, reader.token);
    expect(edited.data!.editComment.bodyHtml).toBe('<p><em>edited</em></p>\n');
    await blog.call(`mutation($id: ID!) { deleteComment(id: $id) { id } }`, { id }, reader.token);
    const thread = (await blog.call(THREAD, { id: postId })).data!.post;
    expect(thread.comments.edges[0].node).toMatchObject({ id, deleted: true, bodyHtml: '' });
    expect(thread.comments.edges[0].node.replies.edges).toHaveLength(1);
    expect(thread.commentCount).toBe(1);

    const toDeleted = await blog.call(ADD, { input: { postId, parentId: id, bodyMarkdown: 'too late' } }, other.token);
    expect(toDeleted.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });

    const spam = (await blog.call(ADD, { input: { postId, bodyMarkdown: 'buy now' } }, other.token)).data!.addComment.id;
    expect((await blog.call(MODERATE, { id: spam, decision: 'SPAM' }, editor.token)).data!.moderateComment.status).toBe('SPAM');
    const queue = (await blog.call(QUEUE, {}, editor.token)).data!.commentModerationQueue.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(queue).not.toContain(spam);
  });

  it('refuses comments on drafts, replies to another post\'s comment, empty text — and rate-limits per user, even when concurrent', async () => {
    const author = await blog.author();
    const reader = await blog.reader();
    const draft = (await blog.call(CREATE, { input: { title: 'd', bodyMarkdown: 'x' } }, author.token)).data!.createPost.id;
    expect(errorCodes(await blog.call(ADD, { input: { postId: draft, bodyMarkdown: 'x' } }, reader.token))).toEqual(['NOT_FOUND']);
    const postId = await publishedPost(blog, author.token);
    const otherPost = await publishedPost(blog, author.token);
    const foreign = (await blog.call(ADD, { input: { postId: otherPost, bodyMarkdown: 'x' } }, (await blog.editor()).token)).data!.addComment.id;
    const wrongParent = await blog.call(ADD, { input: { postId, parentId: foreign, bodyMarkdown: 'x' } }, reader.token);
    expect(wrongParent.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    expect((await blog.call(ADD, { input: { postId, bodyMarkdown: '   ' } }, reader.token)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bodyMarkdown' });

    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => blog.call(ADD, { input: { postId, bodyMarkdown: `c${i}` } }, reader.token)));
    const codes = results.map((r) => (r.errors ? r.errors[0]!.extensions!.code : 'OK'));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(3);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(3);
    blog.clock.advance(61_000);
    expect((await blog.call(ADD, { input: { postId, bodyMarkdown: 'later' } }, reader.token)).errors).toBeUndefined();
  });
});
