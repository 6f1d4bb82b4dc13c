import { createMemoryPubSub } from '@mosaic/kit';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest, StatementCounter, withListenerCounts, type TestAuth, type TestDatabase } from '@mosaic/testing';
import type { BuiltBlog } from '../src/build';
import blogSubgraph from '../src/index';

/**
 * The blog subgraph over real HTTP on a fresh database, with real tokens, a statement counter
 * and a clock the test moves (`clock.set`).
 */
export async function startBlog(env: NodeJS.ProcessEnv = {}, reuse: { database?: TestDatabase; auth?: TestAuth } = {}) {
  const database = reuse.database ?? (await createTestDatabase());
  const auth = reuse.auth ?? (await createTestAuth());
  const counter = new StatementCounter();
  let now = Date.now();
  const clock = { now: () => new Date(now), set: (at: Date) => void (now = at.getTime()), advance: (ms: number) => void (now += ms) };
  const pubsub = withListenerCounts(createMemoryPubSub());
  const served = await serveModuleForTest(blogSubgraph, { db: database.db(counter.observe), client: database.client, verifier: auth.verifier, now: clock.now, pubsub }, { BLOG_SCHEDULER_INTERVAL_MS: '3600000', ...env });
  const call = <D = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string) => graphql<D>(served.url, query, variables, { token });
  /** A signed-in author (the `author` role) / editor / reader. */
  const author = () => auth.newUser(['user', 'author']);
  const editor = () => auth.newUser(['user', 'editor']);
  const reader = () => auth.newUser(['user']);
  return {
    auth,
    counter,
    call,
    clock,
    author,
    editor,
    reader,
    database,
    served,
    wsUrl: served.url.replace('http', 'ws'),
    /** Live subscriptions on a topic: tests act once a stream is open (no sleeps). */
    listeners: (topic: string) => pubsub.listeners.get(topic) ?? 0,
    built: served.built as BuiltBlog,
    /** Stops the subgraph (its scheduler too), keeping the database: a restart is `startBlog(env, { database, auth })`. */
    stop: () => served.close(),
    async close() {
      await served.close();
      await database.drop();
    },
  };
}

export type Blog = Awaited<ReturnType<typeof startBlog>>;

export const POST_FIELDS = `id title slug previousSlugs status bodyMarkdown bodyHtml excerpt tags coverImageUrl readingMinutes publishAt publishedAt revision likeCount commentCount author { id }`;
export const CREATE = `mutation($input: CreatePostInput!) { createPost(input: $input) { ${POST_FIELDS} } }`;
export const UPDATE = `mutation($id: ID!, $input: UpdatePostInput!) { updatePost(id: $id, input: $input) { ${POST_FIELDS} } }`;
export const PUBLISH = `mutation($id: ID!) { publishPost(id: $id) { id status publishedAt } }`;
export const SCHEDULE = `mutation($id: ID!, $at: DateTime!) { schedulePost(id: $id, at: $at) { id status publishAt } }`;
export const ARCHIVE = `mutation($id: ID!) { archivePost(id: $id) { id status } }`;
export const UNPUBLISH = `mutation($id: ID!) { unpublishPost(id: $id) { id status } }`;
export const FIND = `query($id: ID!) { post(id: $id) { id title status slug } }`;
export const BY_SLUG = `query($slug: String!) { postBySlug(slug: $slug) { id slug } }`;
export const LIST = `query($filter: PostFilter, $first: Int, $after: String) { posts(filter: $filter, first: $first, after: $after) { edges { node { id title } } pageInfo { hasNextPage endCursor } } }`;

/** Creates and publishes a post as `token`; returns its public id. */
export async function publishedPost(blog: Blog, token: string, input: Record<string, unknown> = {}): Promise<string> {
  const created = await blog.call(CREATE, { input: { title: `Post ${Math.random().toString(36).slice(2)}`, bodyMarkdown: 'Hello **world**.', ...input } }, token);
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const id = created.data!.createPost.id as string;
  const published = await blog.call(PUBLISH, { id }, token);
  if (published.errors) throw new Error(JSON.stringify(published.errors));
  return id;
}
