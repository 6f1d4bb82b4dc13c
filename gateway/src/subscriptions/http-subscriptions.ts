import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, OperationTypeNode, getOperationAST, type DocumentNode, type FormattedExecutionResult, type GraphQLFormattedError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { sendJson, type GraphQLRequestParams, type Logger, type TokenVerifier, type Viewer } from '@mosaic/kit';
import type { RequestGuard } from '../http/request-guard';
import type { SubscriberSocket } from './subscriber-socket';
import type { SubscriptionService } from './subscription-service';
import { parseAndValidate, type GatewaySocketOptions, type SubscriptionLimits } from './ws-server';

/**
 * Subscriptions over plain HTTP, beside graphql-ws, through the same SubscriptionService — so the
 * same groups (one upstream subscription and one plan execution per event for every subscriber of
 * a document), admission by the owning subgraph, re-admission, slow-consumer limits and auth:
 * - **SSE** (`Accept: text/event-stream`, the graphql-sse protocol's "distinct connections" mode):
 *   `event: next` per result, `event: complete` at the end. Queries and mutations too (one result).
 * - **Apollo's multipart subscriptions** (`Accept: multipart/mixed;subscriptionSpec=1.0`, what Apollo
 *   Client's HttpLink sends for a subscription): `{"payload": …}` parts, `{}` heartbeats.
 * Each request has already passed the request guard (rate limits, trusted documents) as any HTTP
 * GraphQL request; the token is the request's Authorization header. One open stream per request,
 * counted with the address's other HTTP streams against `maxConnectionsPerAddress`.
 */
export type HttpStreamProtocol = 'sse' | 'multipart';

export interface HttpSubscriptionOptions {
  service: SubscriptionService;
  schema: GraphQLSchema;
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  verifier: TokenVerifier;
  guard: Pick<RequestGuard, 'addressOf'>;
  limits: SubscriptionLimits;
  log: Logger;
  executeOperation: GatewaySocketOptions['executeOperation'];
}

const SSE_HEARTBEAT_MS = 12_000;
/** Apollo's multipart subscription spec: a `{}` part every 5 seconds. */
const MULTIPART_HEARTBEAT_MS = 5_000;
const BOUNDARY = '\r\n--graphql';
const OPERATION_ID = 'http';
const NEXT_PREFIX = `{"id":${JSON.stringify(OPERATION_ID)},"type":"next","payload":`;

/** Which streaming protocol the request asks for, if any. */
export function streamProtocolOf(req: IncomingMessage): HttpStreamProtocol | null {
  const accept = req.headers.accept ?? '';
  if (/(^|,)\s*text\/event-stream/i.test(accept)) return 'sse';
  if (/multipart\/mixed[^,]*subscriptionSpec=/i.test(accept)) return 'multipart';
  return null;
}

export function createHttpSubscriptions(options: HttpSubscriptionOptions) {
  const { limits, log } = options;
  const openPerAddress = new Map<string, number>();

  /** Answers the request itself (true), or leaves it to Apollo Server (false: a multipart query or mutation). */
  async function handle(req: IncomingMessage, res: ServerResponse, params: GraphQLRequestParams, protocol: HttpStreamProtocol): Promise<boolean> {
    const origin = req.headers.origin;
    if (origin && limits.allowedOrigins.length > 0 && !limits.allowedOrigins.includes(origin)) return refuse(res, 403, 'This origin may not subscribe.', 'FORBIDDEN');
    const request = (params ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
    if (typeof request.query !== 'string' || request.query === '') return refuse(res, 400, 'Send a GraphQL document in `query` (or a persisted document id).', 'BAD_REQUEST');
    const operationName = typeof request.operationName === 'string' ? request.operationName : null;
    const variables = request.variables && typeof request.variables === 'object' && !Array.isArray(request.variables) ? (request.variables as Record<string, unknown>) : undefined;
    const checked = parseAndValidate(request.query, operationName, options);
    if ('errors' in checked) return refuseWith(res, 400, checked.errors);
    const operation = getOperationAST(checked.document, operationName);
    if (!operation) return refuse(res, 400, 'The document has no operation of that name.', 'BAD_REQUEST');
    const subscription = operation.operation === OperationTypeNode.SUBSCRIPTION;
    if (!subscription && protocol === 'multipart') return false;
    const authorization = req.headers.authorization;
    let viewer: Viewer | null;
    try {
      viewer = await options.verifier.viewerFromHeader(authorization);
    } catch (error) {
      return refuseWith(res, 401, [error instanceof GraphQLError ? error : new GraphQLError('The access token is not valid.', { extensions: { code: 'UNAUTHENTICATED' } })]);
    }
    const address = options.guard.addressOf(req);
    const open = openPerAddress.get(address) ?? 0;
    if (limits.maxConnectionsPerAddress > 0 && open >= limits.maxConnectionsPerAddress) return refuse(res, 429, 'Too many open subscription streams from this address; close one first.', 'RATE_LIMITED');
    openPerAddress.set(address, open + 1);
    const stream = new ResponseStream(res, protocol);
    res.once('close', () => {
      const left = (openPerAddress.get(address) ?? 1) - 1;
      if (left > 0) openPerAddress.set(address, left);
      else openPerAddress.delete(address);
    });
    try {
      if (!subscription) {
        const result = await options.executeOperation({ document: checked.document, variables, operationName, viewer, authorization });
        if (Symbol.asyncIterator in result) for await (const payload of result) stream.write(payload);
        else stream.write(result);
      } else {
        await subscribe(stream, checked.document, operation, operationName, variables, viewer, authorization);
      }
    } catch (error) {
      log.warn({ err: error }, 'HTTP subscription failed');
      stream.write({ errors: [{ message: 'The subscription failed; subscribe again.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
    stream.complete();
    return true;
  }

  async function subscribe(
    stream: ResponseStream,
    document: DocumentNode,
    operation: NonNullable<ReturnType<typeof getOperationAST>>,
    operationName: string | null,
    variables: Record<string, unknown> | undefined,
    viewer: Viewer | null,
    authorization: string | undefined,
  ) {
    const outcome = await options.service.subscribe({ socket: stream, operationId: OPERATION_ID, document, operation, operationName, variables, viewer, authorization });
    if (!(Symbol.asyncIterator in outcome)) {
      stream.write(outcome);
      return;
    }
    // The group writes events straight to `stream`; the iterator only yields a final error result
    // and ends when the subscription does. A client that goes away ends it.
    stream.onClose(() => void outcome.return?.());
    for (;;) {
      const { value, done } = await outcome.next();
      if (done) return;
      stream.write(value);
    }
  }

  return { handle };
}

function refuse(res: ServerResponse, status: number, message: string, code: string): true {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
  return true;
}

function refuseWith(res: ServerResponse, status: number, errors: readonly GraphQLError[]): true {
  sendJson(res, status, { errors: errors.map((error): GraphQLFormattedError => error.toJSON()) });
  return true;
}

/** One HTTP response as a subscriber's "socket": graphql-ws `next` messages re-framed for SSE or multipart. */
class ResponseStream implements SubscriberSocket {
  readonly OPEN = 1;
  private closed = false;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly closeListeners: (() => void)[] = [];

  constructor(
    private readonly res: ServerResponse,
    private readonly protocol: HttpStreamProtocol,
  ) {
    res.writeHead(200, {
      'content-type': protocol === 'sse' ? 'text/event-stream; charset=utf-8' : 'multipart/mixed;boundary="graphql";subscriptionSpec="1.0"',
      'cache-control': 'no-cache, no-store',
      // Proxies (nginx) must not buffer a stream.
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    res.socket?.setNoDelay(true);
    if (protocol === 'multipart') res.write(BOUNDARY);
    else res.write(':\n\n');
    this.heartbeat = setInterval(() => this.writeRaw(protocol === 'sse' ? ':\n\n' : this.part('{}')), protocol === 'sse' ? SSE_HEARTBEAT_MS : MULTIPART_HEARTBEAT_MS);
    res.once('close', () => this.markClosed());
  }

  get readyState(): number {
    return this.closed ? 3 : this.OPEN;
  }

  get bufferedAmount(): number {
    return this.res.writableLength;
  }

  onClose(listener: () => void) {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  /** A graphql-ws `next` message for this operation (the group's pre-serialised payload inside). */
  send(message: string): void {
    if (!message.startsWith(NEXT_PREFIX)) return;
    this.writePayload(message.slice(NEXT_PREFIX.length, -1));
  }

  write(result: FormattedExecutionResult): void {
    this.writePayload(JSON.stringify(result));
  }

  /** Closed by the gateway (slow consumer): the stream just ends; clients resubscribe. */
  close(): void {
    if (this.closed) return;
    this.res.end();
    this.markClosed();
  }

  complete(): void {
    if (this.closed) return;
    this.writeRaw(this.protocol === 'sse' ? 'event: complete\ndata:\n\n' : '--\r\n');
    this.res.end();
    this.markClosed();
  }

  private writePayload(json: string) {
    this.writeRaw(this.protocol === 'sse' ? `event: next\ndata: ${json}\n\n` : this.part(`{"payload":${json}}`));
  }

  /** A multipart part, then the next boundary (Apollo Client emits a part when it sees the boundary after it). */
  private part(json: string): string {
    return `\r\ncontent-type: application/json\r\n\r\n${json}${BOUNDARY}`;
  }

  private writeRaw(text: string) {
    if (!this.closed) this.res.write(text);
  }

  private markClosed() {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}
