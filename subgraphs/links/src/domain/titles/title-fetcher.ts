import type { Db, Logger } from '@mosaic/kit';
import { safeFetch } from '@mosaic/safe-fetch';
import { storeFetchedTitle } from '../../data/links-repo';
import { TITLE_MAX } from '../link-input';
import { pageTitle } from './page-title';

export type TitleFetchMode = 'off' | 'public' | 'any';

const TIMEOUT_MS = 5_000;
const BODY_MAX = 512 * 1024;
const REDIRECTS_MAX = 3;
const CONCURRENCY = 2;
const QUEUE_MAX = 1_000;
/** `any` mode (tests, trusted networks) lets the fetch reach every address, said explicitly. */
const EVERY_ADDRESS = ['0.0.0.0/0', '::/0'];

/**
 * Reads the titles of new links' target pages in the background (a small queue, two at a time)
 * and stores them if the link still has no title and the same target. In `public` mode (the
 * default) it refuses targets that resolve to internal addresses, so shortening a URL cannot make
 * the server probe its own network — `@mosaic/safe-fetch` checks every redirect and pins each
 * connection to the address it checked.
 */
export class TitleFetcher {
  private readonly queue: { linkId: string; url: string }[] = [];
  private active = 0;
  private readonly controller = new AbortController();
  private readonly idle: (() => void)[] = [];

  constructor(private readonly deps: { db: Db; log: Logger; mode: TitleFetchMode }) {}

  enqueue(linkId: string, url: string): void {
    if (this.deps.mode === 'off' || this.controller.signal.aborted || this.queue.length >= QUEUE_MAX) return;
    this.queue.push({ linkId, url });
    this.pump();
  }

  /** Resolves when nothing is queued or running (tests). */
  settled(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    while (this.active < CONCURRENCY && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.active++;
      void this.fetchTitle(job.url)
        .then((title) => (title ? storeFetchedTitle(this.deps.db, job.linkId, job.url, title) : false))
        .catch((error: unknown) => this.deps.log.debug({ err: error, url: job.url }, 'no title for link'))
        .finally(() => {
          this.active--;
          this.pump();
          if (this.active === 0 && this.queue.length === 0) for (const resolve of this.idle.splice(0)) resolve();
        });
    }
  }

  private async fetchTitle(url: string): Promise<string | null> {
    const page = await safeFetch(url, {
      timeoutMs: TIMEOUT_MS,
      maxBytes: BODY_MAX,
      maxRedirects: REDIRECTS_MAX,
      signal: this.controller.signal,
      headers: { 'user-agent': 'MosaicLinks/1.0 (title preview)', accept: 'text/html,application/xhtml+xml' },
      ...(this.deps.mode === 'any' ? { allowInternal: EVERY_ADDRESS } : {}),
    });
    if (page.status < 200 || page.status >= 300 || !/html/i.test(String(page.headers['content-type'] ?? ''))) return null;
    return pageTitle(page.body.toString('utf8'), TITLE_MAX);
  }

  async close(): Promise<void> {
    this.queue.length = 0;
    this.controller.abort();
    await this.settled();
  }
}
