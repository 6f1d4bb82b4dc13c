import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { collect, wsClient } from '@mosaic/testing';
import { commentsTopic } from '../src/domain/live';
import { CREATE, publishedPost, startBlog, type Blog } from './harness';

let blog: Blog;
beforeAll(async () => {
  blog = await startBlog();
});
afterAll(() => blog?.close());

const SUBSCRIBE = `subscription($postId: ID!) { commentAdded(postId: $postId) { id bodyMarkdown status author { id } parent { id } } }`;
const ADD = `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const MODERATE = `mutation($id: ID!, $decision: ModerationDecision!) { moderateComment(id: $id, decision: $decision) { id } }`;

describe('commentAdded over graphql-ws', () => {
  it('streams comments as they become public (approved, or added by an editor) — not pending or spam ones; no token needed', async () => {
    const author = await blog.author();
    const reader = await blog.reader();
    const editor = await blog.editor();
    const postId = await publishedPost(blog, author.token);
    const client = wsClient(blog.wsUrl);
    const stream = collect(client, SUBSCRIBE, { postId });
    await expect.poll(() => blog.listeners(commentsTopic(decodeId('Post', postId))), { timeout: 5_000 }).toBe(1);

    const held = (await blog.call(ADD, { input: { postId, bodyMarkdown: 'first, held' } }, reader.token)).data!.addComment.id;
    const spam = (await blog.call(ADD, { input: { postId, bodyMarkdown: 'spam' } }, reader.token)).data!.addComment.id;
    await blog.call(MODERATE, { id: spam, decision: 'SPAM' }, editor.token);
    await blog.call(MODERATE, { id: held, decision: 'APPROVE' }, editor.token);
    const reply = (await blog.call(ADD, { input: { postId, parentId: held, bodyMarkdown: 'editor reply' } }, editor.token)).data!.addComment.id;

    const events = (await stream.waitFor(2)).map((result) => {
      expect(result.errors).toBeUndefined();
      return result.data!.commentAdded;
    });
    expect(events).toEqual([
      { id: held, bodyMarkdown: 'first, held', status: 'APPROVED', author: { id: reader.publicId }, parent: null },
      { id: reply, bodyMarkdown: 'editor reply', status: 'APPROVED', author: { id: editor.publicId }, parent: { id: held } },
    ]);
    stream.stop();
    await client.dispose();
  });

  it('refuses to stream a post that is not published', async () => {
    const author = await blog.author();
    const draft = (await blog.call(CREATE, { input: { title: 'd', bodyMarkdown: 'x' } }, author.token)).data!.createPost.id;
    const client = wsClient(blog.wsUrl);
    const stream = collect(client, SUBSCRIBE, { postId: draft });
    const [result] = await stream.waitFor(1);
    expect(result!.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    await client.dispose();
  });
});
