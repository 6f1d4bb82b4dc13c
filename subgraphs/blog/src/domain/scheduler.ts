import { PeriodicJob, type Db, type Logger } from '@mosaic/kit';
import type { PostRow } from '../data/tables';
import type { BlogOutbox } from '../events';
import { publishDuePosts } from './post-status';

export type PostScheduler = PeriodicJob<PostRow[]>;

/** Publishes due scheduled posts every `intervalMs` on every replica (they share the work through row locks, see `publishDuePosts`). */
export function postScheduler(deps: { db: Db; events: BlogOutbox; now: () => Date; log: Logger; intervalMs: number }): PostScheduler {
  return new PeriodicJob({
    intervalMs: deps.intervalMs,
    log: deps.log,
    step: () => publishDuePosts(deps.db, deps.events, deps.now()),
    report: (published, log) => {
      if (published.length > 0) log.info({ posts: published.map((post) => post.id) }, 'published scheduled posts');
    },
    failure: 'scheduled posts not published this time; retrying on the next tick',
  });
}
