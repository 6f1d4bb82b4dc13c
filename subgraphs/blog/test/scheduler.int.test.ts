import { afterAll, describe, expect, it } from 'vitest';
import { CREATE, SCHEDULE, startBlog, type Blog } from './harness';

let restarted: Blog | undefined;
afterAll(() => restarted?.close());

const STATUS = `query($id: ID!) { post(id: $id) { status publishedAt } }`;

describe('the scheduler job', () => {
  it('survives a restart: a post that came due while the subgraph was down is published by the next process, dated when it was due', async () => {
    const first = await startBlog({ BLOG_SCHEDULER_INTERVAL_MS: '50' });
    const author = await first.author();
    const id = (await first.call(CREATE, { input: { title: 'Due while down', bodyMarkdown: 'x' } }, author.token)).data!.createPost.id;
    const at = new Date(first.clock.now().getTime() + 60_000);
    expect((await first.call(SCHEDULE, { id, at: at.toISOString() }, author.token)).errors).toBeUndefined();
    await first.stop();

    // A new process on the same database, its clock past the due time: its own timer publishes the post.
    restarted = await startBlog({ BLOG_SCHEDULER_INTERVAL_MS: '50' }, { database: first.database, auth: first.auth });
    restarted.clock.set(new Date(at.getTime() + 5_000));
    await expect.poll(async () => (await restarted!.call(STATUS, { id })).data!.post, { timeout: 10_000 }).toEqual({ status: 'PUBLISHED', publishedAt: at.toISOString() });
  });
});
