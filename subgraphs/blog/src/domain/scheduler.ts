import type { Db, Logger } from '@mosaic/kit';
import type { PostRow } from '../data/tables';
import type { BlogOutbox } from '../events';
import { publishDuePosts } from './post-status';

/**
 * Runs `publishDuePosts` every `intervalMs` on every replica (they share the work through row
 * locks, see there). One step at a time per process; a failed step is logged and retried on the
 * next tick.
 */
export class PostScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PostRow[]> | null = null;

  constructor(private readonly deps: { db: Db; events: BlogOutbox; now: () => Date; log: Logger; intervalMs: number }) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.deps.intervalMs);
    this.timer.unref();
  }

  /** One step now (tests and the first tick): what it published. */
  async runOnce(): Promise<PostRow[]> {
    while (this.running) await this.running.catch(() => []);
    this.running = publishDuePosts(this.deps.db, this.deps.events, this.deps.now());
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    try {
      const published = await this.runOnce();
      if (published.length > 0) this.deps.log.info({ posts: published.map((post) => post.id) }, 'published scheduled posts');
    } catch (error) {
      this.deps.log.warn({ err: error }, 'scheduled posts not published this time; retrying on the next tick');
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => []);
  }
}
