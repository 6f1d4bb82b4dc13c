import type { SeedContext } from '@mosaic/kit';

const CREATE = `mutation($input: CreatePostInput!) { createPost(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishPost(id: $id) { id } }`;
const SCHEDULE = `mutation($id: ID!, $at: DateTime!) { schedulePost(id: $id, at: $at) { id } }`;
const COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const MODERATE = `mutation($id: ID!, $decision: ModerationDecision!) { moderateComment(id: $id, decision: $decision) { id } }`;
const LIKE = `mutation($id: ID!) { likePost(id: $id) { likeCount } }`;
const LIKE_COMMENT = `mutation($id: ID!) { likeComment(id: $id) { likeCount } }`;

const WELCOME = `Mosaic's blog is a subgraph like any other: posts, comments and likes live here, authors come from accounts.

## What you can try

- Write a draft with \`createPost\`, then \`publishPost\` or \`schedulePost\`.
- Every save is a **revision**: list them, diff two, restore one.
- Readers comment (an editor approves) and like posts.

Feeds: [RSS](/blog/feed.xml) and [Atom](/blog/atom.xml).`;

const FEDERATION = `A federated graph lets each team own its part of the schema.

The blog extends \`User\` with \`posts\` and resolves \`Post.author\` through accounts — one query, two services:

\`\`\`graphql
{ posts(first: 5) { edges { node { title author { displayName } likeCount commentCount } } } }
\`\`\``;

/**
 * Demo data for `pnpm start`. The demo admin writes and moderates (admins hold blog:write and
 * blog:moderate; the demo user is a reader with no author role): two published posts, a draft and
 * one scheduled for tomorrow; the demo user comments (approved by the admin) and likes.
 */
export async function seedBlog(seed: SeedContext): Promise<void> {
  const create = async (input: Record<string, unknown>) => (await seed.graphql<{ createPost: { id: string } }>(CREATE, { input }, 'admin')).createPost.id;
  const welcome = await create({ title: 'Welcome to the Mosaic blog', bodyMarkdown: WELCOME, tags: ['mosaic', 'announcements'] });
  const federation = await create({ title: 'Why federation?', bodyMarkdown: FEDERATION, tags: ['graphql', 'federation'], coverImageUrl: 'https://www.apollographql.com/favicon.ico' });
  await create({ title: 'Draft: what comes next', bodyMarkdown: 'Commerce, files and recommendations — notes for a later post.', tags: ['roadmap'] });
  const scheduled = await create({ title: 'Scheduled: release notes', bodyMarkdown: 'Published by the scheduler a day after the seed ran.', tags: ['releases'] });
  for (const id of [welcome, federation]) await seed.graphql(PUBLISH, { id }, 'admin');
  await seed.graphql(SCHEDULE, { id: scheduled, at: new Date(Date.now() + 86_400_000).toISOString() }, 'admin');

  const comment = (await seed.graphql<{ addComment: { id: string } }>(COMMENT, { input: { postId: federation, bodyMarkdown: 'Great overview — **thanks**!' } }, 'user')).addComment.id;
  await seed.graphql(MODERATE, { id: comment, decision: 'APPROVE' }, 'admin');
  await seed.graphql(COMMENT, { input: { postId: federation, parentId: comment, bodyMarkdown: 'Glad it helps.' } }, 'admin');
  await seed.graphql(COMMENT, { input: { postId: welcome, bodyMarkdown: 'Waiting for moderation: approve me with moderateComment.' } }, 'user');
  await seed.graphql(LIKE, { id: federation }, 'user');
  await seed.graphql(LIKE, { id: federation }, 'admin');
  await seed.graphql(LIKE, { id: welcome }, 'user');
  await seed.graphql(LIKE_COMMENT, { id: comment }, 'admin');
}
