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

function isEnvelope(value: unknown): value is EventEnvelope {
  const e = value as EventEnvelope | null;
  return typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.type === 'string' && typeof e.aggregateId === 'string';
}

/**
 * Services mode: RabbitMQ through rabbitmq-client, which reconnects with exponential back-off and
 * re-declares the topology on every new channel. A durable topic exchange per domain, routing key =
 * event type; persistent messages published with confirms; a durable queue per consumer group with
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
      // One channel: the broker keeps their order; confirms arrive pipelined.
      await Promise.all(
        envelopes.map((envelope) =>
          publisher.send(
            {
              exchange: exchangeOf(envelope.domain),
              routingKey: envelope.type,
              durable: true,
              messageId: envelope.id,
              type: envelope.type,
              timestamp: Math.floor(Date.parse(envelope.occurredAt) / 1000),
              headers: { [ATTEMPT_HEADER]: 1, ...(envelope.traceparent ? { traceparent: envelope.traceparent } : {}) },
            },
            envelope,
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
          qos: { prefetchCount: binding.concurrency * 2 },
          concurrency: binding.concurrency,
          requeue: true,
          exchanges: exchanges.map((exchange) => ({ exchange, type: 'topic', durable: true })),
          queueBindings: binding.routes.map((r) => ({ exchange: exchangeOf(r.domain), queue, routingKey: r.type })),
        },
        async (message: AsyncMessage) => {
          const envelope: unknown = message.body;
          if (!isEnvelope(envelope)) {
            options.log.error({ queue, messageId: message.messageId }, 'dropping a message that is not an event envelope');
            return;
          }
          const attempt = Number(message.headers?.[ATTEMPT_HEADER] ?? 1);
          const outcome = await handle(envelope, attempt);
          if (!outcome) return;
          // Acknowledged only after the retry copy is confirmed: a crash in between redelivers it.
          await retries.send(
            {
              routingKey: retryQueueOf(queue, Math.min(attempt, retryQueues.length)),
              durable: true,
              messageId: envelope.id,
              type: envelope.type,
              headers: { ...message.headers, [ATTEMPT_HEADER]: attempt + 1 },
            },
            envelope,
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
