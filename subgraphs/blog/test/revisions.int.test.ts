import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { CREATE, UPDATE, startBlog, type Blog } from './harness';

let blog: Blog;
beforeAll(async () => {
  blog = await startBlog();
});
afterAll(() => blog?.close());

const REVISIONS = `query($id: ID!, $first: Int, $after: String) { post(id: $id) { revision revisions(first: $first, after: $after) { edges { node { number title bodyMarkdown savedBy { id } restoredFrom } } pageInfo { hasNextPage endCursor } } } }`;
const DIFF = `query($id: ID!, $from: Int!, $to: Int!) { post(id: $id) { revisionDiff(from: $from, to: $to) { from to fields { field changes { kind value } } unifiedBody } } }`;
const RESTORE = `mutation($postId: ID!, $number: Int!) { restorePostRevision(postId: $postId, number: $number) { title bodyMarkdown revision slug } }`;

describe('revision history', () => {
  it('every save is a revision (an unchanged save is none); list newest first, diff two, restore one as a new revision', async () => {
    const author = await blog.author();
    const editor = await blog.editor();
    const id = (await blog.call(CREATE, { input: { title: 'Draft one', bodyMarkdown: 'line a\nline b\n' } }, author.token)).data!.createPost.id;
    await blog.call(UPDATE, { id, input: { title: 'Draft two', bodyMarkdown: 'line a\nline B changed\nline c\n' } }, author.token);
    const same = await blog.call(UPDATE, { id, input: { title: 'Draft two' } }, author.token);
    expect(same.data!.updatePost.revision).toBe(2);
    await blog.call(UPDATE, { id, input: { tags: ['x'] } }, editor.token);

    const listed = await blog.call(REVISIONS, { id, first: 2 }, author.token);
    const page = listed.data!.post.revisions;
    expect(page.edges.map((e: { node: { number: number } }) => e.node.number)).toEqual([3, 2]);
    expect(page.edges[0].node.savedBy.id).toBe(editor.publicId);
    const rest = await blog.call(REVISIONS, { id, first: 2, after: page.pageInfo.endCursor }, author.token);
    expect(rest.data!.post.revisions.edges.map((e: { node: { number: number } }) => e.node.number)).toEqual([1]);

    const diff = (await blog.call(DIFF, { id, from: 1, to: 2 }, author.token)).data!.post.revisionDiff;
    expect(diff.fields.map((f: { field: string }) => f.field)).toEqual(['title', 'bodyMarkdown']);
    const body = diff.fields.find((f: { field: string }) => f.field === 'bodyMarkdown').changes;
    expect(body).toEqual([
      { kind: 'UNCHANGED', value: 'line a\n' },
      { kind: 'REMOVED', value: 'line b\n' },
      { kind: 'ADDED', value: 'line B changed\nline c\n' },
    ]);
    expect(diff.unifiedBody).toContain('-line b\n+line B changed\n+line c');

    const restored = await blog.call(RESTORE, { postId: id, number: 1 }, author.token);
    expect(restored.data!.restorePostRevision).toMatchObject({ title: 'Draft one', bodyMarkdown: 'line a\nline b\n', revision: 4 });
    const newest = (await blog.call(REVISIONS, { id, first: 1 }, author.token)).data!.post.revisions.edges[0].node;
    expect(newest).toMatchObject({ number: 4, restoredFrom: 1, title: 'Draft one' });
  });

  it("others' revisions: null for readers, NOT_FOUND for a revision that does not exist, FORBIDDEN restore", async () => {
    const author = await blog.author();
    const id = (await blog.call(CREATE, { input: { title: 'T', bodyMarkdown: 'x' } }, author.token)).data!.createPost.id;
    await blog.call(`mutation($id: ID!) { publishPost(id: $id) { id } }`, { id }, author.token);
    const other = await blog.author();
    expect((await blog.call(REVISIONS, { id }, other.token)).data!.post.revisions).toBeNull();
    expect(errorCodes(await blog.call(RESTORE, { postId: id, number: 1 }, other.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await blog.call(DIFF, { id, from: 1, to: 9 }, author.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await blog.call(RESTORE, { postId: id, number: 9 }, author.token))).toEqual(['NOT_FOUND']);
  });
});
