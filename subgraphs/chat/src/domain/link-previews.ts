import { eq } from 'drizzle-orm';
import type { Db, Logger } from '@mosaic/kit';
import { pageMeta, safeFetch } from '@mosaic/safe-fetch';
import { deletePreview, storePreview } from '../data/link-previews-repo';
import { messages, type MessageRow } from '../data/tables';
import type { ChatSettings } from '../env';
import { snapshotOf, type ChatOutbox } from '../events';

const TIMEOUT_MS = 5_000;
const BODY_MAX = 512 * 1024;
const REDIRECTS_MAX = 3;
const CONCURRENCY = 2;
const QUEUE_MAX = 1_000;
const TEXT_MAX = 300;

/** The first http(s) link in a text, without the punctuation that usually follows a link in prose. */
export function firstLink(text: string): string | null {
  const match = /\bhttps?:\/\/[^\s<>"']+/i.exec(text)?.[0];
  const link = match?.replace(/[.,;:!?)\]}]+$/, '');
  if (!link) return null;
  try {
    return new URL(link).toString();
  } catch {
    return null;
  }
}

/** An image URL of the page, absolute, http(s) only (a preview must not point clients elsewhere). */
function imageUrl(image: string | null, pageUrl: string): string | null {
  if (!image) return null;
  try {
    const url = new URL(image, pageUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * Previews of the first link in messages, fetched after the message was committed (the sender
 * does not wait), a small queue two at a time, through `@mosaic/safe-fetch` (no internal
 * addresses, pinned connections, size and time limits). The preview is stored only if the message
 * still shows that link, under the message's row lock (an edit or deletion that removes the link
 * deletes the preview in its own transaction), and announced live as `MessagePreviewAdded` through
 * the outbox. The queue is in memory: a preview lost to a restart is simply not shown.
 */
export class LinkPreviewer {
  private readonly queue: { messageId: string; url: string }[] = [];
  private active = 0;
  private readonly controller = new AbortController();
  private readonly idle: (() => void)[] = [];

  constructor(private readonly deps: { db: Db; log: Logger; events: ChatOutbox; now: () => Date; settings: ChatSettings['previews'] }) {}

  /** After a send or an edit committed: previews the message's first link, if any. */
  enqueue(message: MessageRow): void {
    const url = firstLink(message.text);
    if (!url || !this.deps.settings.enabled || this.controller.signal.aborted || this.queue.length >= QUEUE_MAX) return;
    this.queue.push({ messageId: message.id, url });
    this.pump();
  }

  /** Resolves when nothing is queued or running (tests). */
  settled(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  async close(): Promise<void> {
    this.queue.length = 0;
    this.controller.abort();
    await this.settled();
  }

  private pump(): void {
    while (this.active < CONCURRENCY && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.active++;
      void this.preview(job.messageId, job.url)
        .catch((error: unknown) => this.deps.log.debug({ err: error, url: job.url }, 'no preview for link'))
        .finally(() => {
          this.active--;
          this.pump();
          if (this.active === 0 && this.queue.length === 0) for (const resolve of this.idle.splice(0)) resolve();
        });
    }
  }

  private async preview(messageId: string, url: string): Promise<void> {
    const page = await safeFetch(url, {
      timeoutMs: TIMEOUT_MS,
      maxBytes: BODY_MAX,
      maxRedirects: REDIRECTS_MAX,
      signal: this.controller.signal,
      allowInternal: this.deps.settings.allowInternal,
      headers: { 'user-agent': 'MosaicChat/1.0 (link preview)', accept: 'text/html,application/xhtml+xml' },
    });
    if (page.status < 200 || page.status >= 300 || !/html/i.test(String(page.headers['content-type'] ?? ''))) return;
    const meta = pageMeta(page.body.toString('utf8'), TEXT_MAX);
    if (!meta.title && !meta.description) return;
    await this.deps.db.transaction(async (tx) => {
      const [message] = await tx.select().from(messages).where(eq(messages.id, messageId)).for('update');
      if (!message || message.deletedAt || firstLink(message.text) !== url) return;
      await storePreview(tx, {
        messageId,
        url,
        title: meta.title,
        description: meta.description,
        siteName: meta.siteName,
        imageUrl: imageUrl(meta.image, page.url),
        fetchedAt: this.deps.now(),
      });
      await this.deps.events.emit(tx, 'chat.message.preview-added', { roomId: message.roomId, message: snapshotOf(message) });
    });
  }
}

/** In an edit's transaction: a preview of a link the message no longer starts with goes. */
export async function dropStalePreview(tx: Db, before: MessageRow, after: MessageRow): Promise<boolean> {
  const changed = firstLink(before.text) !== firstLink(after.text);
  if (changed) await deletePreview(tx, after.id);
  return changed;
}
