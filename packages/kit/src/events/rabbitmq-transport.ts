import type { AsyncMessage, Connection, Publisher } from 'rabbitmq-client';
import type { Logger } from '../logger';
import type { EventEnvelope } from './catalog';
import { type ConsumerBinding, type DeliveryHandler, type Transport } from './transport';

const retryQueueOf = (queue: string, attempt: number) => `${queue}.retry.${attempt}`;
const ATTEMPT_HEADER = 'x-mosaic-attempt';

export interface RabbitMqOptions {
  url: string;
  /** Shown in the broker's management UI. */
  connectionName: string;
  /**
   * Prefix of every exchange and queue (`<namespace>.<domain>`, `<namespace>.<subgraph>.<group>`):
   * environments sharing a broker (or a vhost) stay apart. Default `mosaic`.
   */
  namespace?: string;
  log: Logger;
  /** Reconnect back-off: first step and cap (ms). */
  retryLowMs?: number;
  retryHighMs?: number;
}

/** Events of one relay batch travel together, up to this many per message. */
const MAX_EVENTS_PER_MESSAGE = 100;

/**
 * A relay batch as messages: consecutive events of the same domain and type share one message (the
 * broker's cost is per message, far more than per byte), so the order of events across types —
 * an aggregate's added, edited, added — is the order of the messages.
 */
function messagesOf(envelopes: readonly EventEnvelope[]): EventEnvelope[][] {
  const messages: EventEnvelope[][] = [];
  for (const envelope of envelopes) {
    const last = messages.at(-1);
    if (last && last.length < MAX_EVENTS_PER_MESSAGE && last[0]!.type === envelope.type && last[0]!.domain === envelope.domain) last.push(envelope);
    else messages.push([envelope]);
  }
  return messages;
}

function isEnvelope(value: unknown): value is EventEnvelope {
  const e = value as EventEnvelope | null;
  return typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.type === 'string' && typeof e.aggregateId === 'string';
}

/**
 * Services mode: RabbitMQ through rabbitmq-client, which reconnects with exponential back-off and
 * re-declares the topology on every new channel. A durable topic exchange per domain, routing key =
 * event type; persistent messages (a run of events of one type per message) published with confirms; a durable queue per consumer group with
 * single-active-consumer (replicas fail over, events of an aggregate stay in order); retries through
 * one delay queue per attempt (a TTL, then dead-lettered back to the group's queue).
 */
export async function createRabbitMqTransport(options: RabbitMqOptions): Promise<Transport> {
  const namespace = options.namespace ?? 'mosaic';
  const exchangeOf = (domain: string) => `${namespace}.${domain}`;
  const { Connection: AmqpConnection } = await import('rabbitmq-client');
  const connection: Connection = new AmqpConnection({
    url: options.url,
    connectionName: options.connectionName,
    retryLow: options.retryLowMs ?? 200,
    retryHigh: options.retryHighMs ?? 10_000,
    acquireTimeout: 10_000,
  });
  connection.on('error', (error) => options.log.warn({ err: error }, 'RabbitMQ connection error (reconnecting)'));
  const declared = new Set<string>();
  const publisher: Publisher = connection.createPublisher({ confirm: true, maxAttempts: 1 });
  const consumers = new Set<{ close(): Promise<void> }>();

  async function declareExchange(domain: string) {
    const exchange = exchangeOf(domain);
    if (declared.has(exchange)) return exchange;
    await connection.exchangeDeclare({ exchange, type: 'topic', durable: true });
    declared.add(exchange);
    return exchange;
  }

  return {
    kind: 'rabbitmq',
    async publish(envelopes) {
      for (const domain of new Set(envelopes.map((e) => e.domain))) await declareExchange(domain);
      // One channel: the broker keeps the messages' order; confirms arrive pipelined.
      await Promise.all(
        messagesOf(envelopes).map((batch) =>
          publisher.send(
            {
              exchange: exchangeOf(batch[0]!.domain),
              routingKey: batch[0]!.type,
              durable: true,
              messageId: batch[0]!.id,
              type: batch[0]!.type,
              timestamp: Math.floor(Date.now() / 1000),
              headers: { [ATTEMPT_HEADER]: 1 },
            },
            batch,
          ),
        ),
      );
    },
    async consume(binding: ConsumerBinding, handle: DeliveryHandler) {
      const queue = `${namespace}.${binding.queue}`;
      const retryQueues = binding.retryDelaysMs.map((delay, index) => ({
        queue: retryQueueOf(queue, index + 1),
        durable: true,
        arguments: { 'x-message-ttl': delay, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': queue },
      }));
      const retries = connection.createPublisher({ confirm: true, maxAttempts: 3, queues: retryQueues });
      const exchanges = [...new Set(binding.routes.map((r) => exchangeOf(r.domain)))];
      const consumer = connection.createConsumer(
        {
          queue,
          queueOptions: { durable: true, arguments: { 'x-single-active-consumer': true } },
          // Counted in messages of up to MAX_EVENTS_PER_MESSAGE events.
          qos: { prefetchCount: binding.concurrency * 2 },
          concurrency: binding.concurrency,
          requeue: true,
          exchanges: exchanges.map((exchange) => ({ exchange, type: 'topic', durable: true })),
          queueBindings: binding.routes.map((r) => ({ exchange: exchangeOf(r.domain), queue, routingKey: r.type })),
        },
        async (message: AsyncMessage) => {
          const batch: unknown = message.body;
          if (!Array.isArray(batch) || !batch.every(isEnvelope)) {
            options.log.error({ queue, messageId: message.messageId }, 'dropping a message that is not a list of event envelopes');
            return;
          }
          const attempt = Number(message.headers?.[ATTEMPT_HEADER] ?? 1);
          // Handed over together and in order: the group applies them in order, batched.
          const outcomes = await Promise.all(batch.map((envelope) => handle(envelope, attempt)));
          // Acknowledged only after every retry copy is confirmed: a crash in between redelivers the message.
          await Promise.all(
            batch.map((envelope, i) =>
              outcomes[i]
                ? retries.send(
                    {
                      routingKey: retryQueueOf(queue, Math.min(attempt, retryQueues.length)),
                      durable: true,
                      messageId: envelope.id,
                      type: envelope.type,
                      headers: { [ATTEMPT_HEADER]: attempt + 1 },
                    },
                    [envelope],
                  )
                : undefined,
            ),
          );
        },
      );
      consumer.on('error', (error) => options.log.warn({ err: error, queue }, 'event consumer error'));
      await new Promise<void>((resolve) => consumer.once('ready', () => resolve()));
      const handleClose = {
        async close() {
          consumers.delete(handleClose);
          await consumer.close();
          await retries.close();
        },
      };
      consumers.add(handleClose);
      return handleClose;
    },
    async close() {
      for (const consumer of [...consumers]) await consumer.close();
      await publisher.close();
      await connection.close();
    },
  };
}
