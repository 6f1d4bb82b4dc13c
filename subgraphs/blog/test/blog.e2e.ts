import { count, eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId, readScopeCatalog, scopesForRoles, uuidv7 } from '@mosaic/kit';
import { collect, errorCodes, repoRoot, wsClient } from '@mosaic/testing';
import { startTestGraph, TOKENS, type TestGraph } from '@mosaic/platform/testing';
import { postLikes } from '../src/data/tables';

/**
 * The journey through the gateway: an admin makes a user an author, the author publishes,
 * a reader comments and likes, the admin (who holds the editor's scopes) moderates, the comment
 * reaches a live subscriber with its author resolved by accounts — and role violations are refused.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.close());

const PASSWORD = 'velvet-otter-lantern';
const scopeCatalog = readScopeCatalog(join(repoRoot, 'schema', 'scopes.json'));

/** An admin's access token as accounts would issue it (the test graph's signing key). */
async function adminToken(userId: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: uuidv7(), roles: ['user', 'admin'], scope: scopesForRoles(scopeCatalog, ['user', 'admin']).join(' ') })
    .setProtectedHeader({ alg: 'EdDSA', kid: graph.keys.kid, typ: 'at+jwt' })
    .setSubject(userId)
    .setIssuer(TOKENS.issuer)
    .setAudience(TOKENS.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + 900)
    .sign(graph.keys.privateKey);
}

const login = async (email: string) => (await graph.call(`mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, { input: { email, password: PASSWORD } })).data!.login.accessToken as string;
const SUBSCRIBE = `subscription($postId: ID!) { commentAdded(postId: $postId) { bodyMarkdown author { displayName } } }`;
const ADD = `mutation($input: AddCommentInput!) { addComment(input: $input) { id status } }`;

describe('blog through the gateway', () => {
  it('author publishes, reader comments and likes, an admin moderates, the subscriber sees it; violations refused', async () => {
    const admin = await adminToken(decodeId('User', (await graph.signUp('blog-admin@example.com')).userId));
    const writer = await graph.signUp('blog-writer@example.com');
    const reader = await graph.signUp('blog-reader@example.com');

    const create = `mutation { createPost(input: { title: "Federated blogging", bodyMarkdown: "Hello *graph*", tags: ["graphql"] }) { id slug } }`;
    expect(errorCodes(await graph.call(create, {}, writer.token))).toEqual(['FORBIDDEN']);
    const granted = await graph.call(`mutation($id: ID!) { setUserRoles(userId: $id, roles: [USER, AUTHOR]) { id } }`, { id: writer.userId }, admin);
    expect(granted.errors).toBeUndefined();
    const author = await login('blog-writer@example.com');
    const created = await graph.call(create, {}, author);
    expect(created.errors).toBeUndefined();
    const postId = created.data!.createPost.id as string;
    expect((await graph.call(`mutation($id: ID!) { publishPost(id: $id) { status } }`, { id: postId }, author)).data!.publishPost.status).toBe('PUBLISHED');

    // A live subscriber, anonymous; comments by the admin are public at once, so they show the stream is live.
    const client = wsClient(graph.gatewayUrl.replace('http', 'ws'));
    const stream = collect(client, SUBSCRIBE, { postId });
    await expect.poll(() => graph.gateway.subscriptions.stats().subscribers, { timeout: 10_000 }).toBe(1);
    await expect
      .poll(async () => {
        await graph.call(ADD, { input: { postId, bodyMarkdown: 'probe' } }, admin);
        return stream.results.length;
      }, { timeout: 10_000, interval: 200 })
      .toBeGreaterThan(0);
    // Probes sent before the stream was live upstream are not delivered; one sent now is, after the others (order per post).
    await graph.call(ADD, { input: { postId, bodyMarkdown: 'last probe' } }, admin);
    await expect.poll(() => stream.results.at(-1)?.data?.commentAdded.bodyMarkdown, { timeout: 10_000 }).toBe('last probe');
    const seen = stream.results.length;

    const comment = (await graph.call(ADD, { input: { postId, bodyMarkdown: 'Great post!' } }, reader.token)).data!.addComment;
    expect(comment.status).toBe('PENDING');
    expect((await graph.call(`mutation($id: ID!) { likePost(id: $id) { likeCount } }`, { id: postId }, reader.token)).data!.likePost.likeCount).toBe(1);
    expect(errorCodes(await graph.call(`mutation($id: ID!) { updatePost(id: $id, input: { title: "Mine now" }) { id } }`, { id: postId }, reader.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graph.call(`mutation($id: ID!) { moderateComment(id: $id, decision: APPROVE) { id } }`, { id: comment.id }, reader.token))).toEqual(['FORBIDDEN']);
    const queue = await graph.call(`{ commentModerationQueue { edges { node { id author { displayName } } } } }`, {}, admin);
    expect(queue.data!.commentModerationQueue.edges).toContainEqual({ node: { id: comment.id, author: { displayName: 'blog-reader' } } });
    expect((await graph.call(`mutation($id: ID!) { moderateComment(id: $id, decision: APPROVE) { status } }`, { id: comment.id }, admin)).data!.moderateComment.status).toBe('APPROVED');

    const delivered = await stream.waitFor(seen + 1);
    expect(delivered.at(-1)!.data!.commentAdded).toEqual({ bodyMarkdown: 'Great post!', author: { displayName: 'blog-reader' } });
    stream.stop();
    await client.dispose();

    // Anonymous readers: the list with authors from accounts and counts from blog.
    const listed = await graph.call(`{ posts(filter: { tag: "graphql" }) { edges { node { title author { displayName } likeCount commentCount viewerCanEdit } } } }`);
    expect(listed.data!.posts.edges[0].node).toMatchObject({ title: 'Federated blogging', author: { displayName: 'blog-writer' }, likeCount: 1, viewerCanEdit: false });
    const me = await graph.call(`{ me { posts { edges { node { title } } } } }`, {}, author);
    expect(me.data!.me.posts.edges).toEqual([{ node: { title: 'Federated blogging' } }]);

    // The feed is served on the gateway's origin.
    const origin = new URL(graph.gatewayUrl).origin;
    const feed = await fetch(`${origin}/blog/feed.xml`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('Federated blogging');

    // The reader leaves: their like goes (account.deleted from accounts), the count follows.
    expect((await graph.call(`mutation { deleteAccount(input: { password: "${PASSWORD}" }) { userId } }`, {}, reader.token)).errors).toBeUndefined();
    const likesLeft = async () => (await graph.database.db().select({ n: count() }).from(postLikes).where(eq(postLikes.postId, decodeId('Post', postId))))[0]!.n;
    await expect.poll(likesLeft, { timeout: 10_000 }).toBe(0);
    expect((await graph.call(`query($id: ID!) { post(id: $id) { likeCount } }`, { id: postId })).data!.post.likeCount).toBe(0);
  });
});
