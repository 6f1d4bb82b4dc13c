import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { Db, Logger } from '@mosaic/kit';
import { storeFetchedTitle } from '../../data/links-repo';
import { TITLE_MAX } from '../link-input';
import { pageTitle } from './page-title';

export type TitleFetchMode = 'off' | 'public' | 'any';

const TIMEOUT_MS = 5_000;
const BODY_MAX = 512 * 1024;
const REDIRECTS_MAX = 3;
const CONCURRENCY = 2;
const QUEUE_MAX = 1_000;

/** Addresses a server-side fetch must not reach in `public` mode: loopback, private, link-local, CGNAT, multicast… */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['::ffff:0:0', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6');
}

async function reachesOnlyPublicAddresses(hostname: string): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  return addresses.length > 0 && addresses.every(({ address, family }) => !INTERNAL.check(address, family === 6 ? 'ipv6' : 'ipv4'));
}

/**
 * Reads the titles of new links' target pages in the background (a small queue, two at a time)
 * and stores them if the link still has no title and the same target. In `public` mode (the
 * default) it refuses targets that resolve to internal addresses, so shortening a URL cannot make
 * the server probe its own network; redirects are followed by hand for the same check.
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

  private async fetchTitle(start: string): Promise<string | null> {
    let url = new URL(start);
    for (let hop = 0; hop <= REDIRECTS_MAX; hop++) {
      if (this.deps.mode === 'public' && !(await reachesOnlyPublicAddresses(url.hostname))) return null;
      const response = await fetch(url, {
        redirect: 'manual',
        signal: AbortSignal.any([this.controller.signal, AbortSignal.timeout(TIMEOUT_MS)]),
        headers: { 'user-agent': 'MosaicLinks/1.0 (title preview)', accept: 'text/html,application/xhtml+xml' },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        url = new URL(location, url);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
        continue;
      }
      if (!response.ok || !/html/i.test(response.headers.get('content-type') ?? '')) {
        await response.body?.cancel();
        return null;
      }
      return pageTitle(await readPrefix(response, BODY_MAX), TITLE_MAX);
    }
    return null;
  }

  async close(): Promise<void> {
    this.queue.length = 0;
    this.controller.abort();
    await this.settled();
  }
}

/** The first `max` bytes of the body, decoded as UTF-8: a title sits near the top. */
async function readPrefix(response: Response, max: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < max) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => {});
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}
