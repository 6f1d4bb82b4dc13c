import { encodeId, type EventBus, type EventEnvelope, type Logger } from '@mosaic/kit';
import type { InvalidationRule } from './cache-hints';
import { entityIdOf } from './entity-cache';
import type { CacheHints } from './cache-hints';

type Transport = EventBus['transport'];

/** The gateway's consumer group; one queue for every replica, since the entity store they share is one (Redis). */
export const INVALIDATION_QUEUE = 'gateway.entity-cache';

export interface InvalidationOptions {
  hints: CacheHints;
  /** Drops one entity's cached entries (and the responses showing it). */
  drop: (entity: string) => Promise<void>;
  transport: Transport;
  log: Logger;
  /** Sees each entity dropped (metrics, tests). */
  onDropped?: (typeName: string, entity: string, event: EventEnvelope) => void;
}

/**
 * Drops cached entities when the domain events named by `@cacheInvalidation` arrive — in process
 * in all-in-one, from RabbitMQ in services mode — and the cached responses that showed them. The mapping comes from the subgraphs' SDL, so
 * neither kit nor the gateway knows any domain by name. Dropping is idempotent: no inbox; a drop
 * that fails (Redis away) is retried by the transport.
 */
export async function consumeInvalidations(options: InvalidationOptions): Promise<{ close(): Promise<void> }> {
  const { hints, drop, transport, log } = options;
  const rules = new Map<string, InvalidationRule[]>();
  for (const rule of hints.invalidations) {
    const key = `${rule.domain}\n${rule.event}`;
    rules.set(key, [...(rules.get(key) ?? []), rule]);
  }
  if (rules.size === 0) return { close: async () => {} };
  const routes = [...rules.values()].map(([rule]) => ({ domain: rule!.domain, type: rule!.event }));
  return transport.consume({ queue: INVALIDATION_QUEUE, routes, retryDelaysMs: [500, 2_000, 10_000], concurrency: 16 }, async (envelope, attempt) => {
    try {
      for (const rule of rules.get(`${envelope.domain}\n${envelope.type}`) ?? []) {
        const raw = (envelope.payload as Record<string, unknown> | null)?.[rule.idField];
        if (typeof raw !== 'string') {
          log.warn({ type: envelope.type, idField: rule.idField }, 'cache invalidation event without its id field; nothing dropped');
          continue;
        }
        const entity = entityIdOf(hints, rule.typeName, { id: encodeId(rule.typeName, raw) })!;
        await drop(entity);
        options.onDropped?.(rule.typeName, entity, envelope);
      }
      return null;
    } catch (error) {
      log.warn({ err: error, eventId: envelope.id, attempt }, 'cache invalidation failed; retrying');
      return attempt < 4 ? { retryAfterMs: [500, 2_000, 10_000][attempt - 1]! } : null;
    }
  });
}
