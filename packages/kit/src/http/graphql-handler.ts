import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { inRequestScope } from '../observability/request-scope';
import { BodyTooLargeError, readBody } from './read-body';

export interface GraphQLHandlerOptions<C extends BaseContext> {
  server: ApolloServer<C>;
  context: (req: IncomingMessage, requestId: string) => Promise<C>;
  maxBodyBytes?: number;
  /**
   * Runs after the body is read, before Apollo Server: may rewrite the body (persisted documents)
   * or answer the request itself (rate limits, refused documents) by returning a response.
   */
  before?: (req: IncomingMessage, body: unknown, res: ServerResponse) => Promise<{ body: unknown } | { handled: true }>;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
}

/**
 * Serves Apollo Server over node:http without a framework: Apollo's own
 * `executeHTTPGraphQLRequest` does content negotiation, CSRF prevention and status codes; this only
 * moves bytes and bounds the body size.
 */
export function graphqlHandler<C extends BaseContext>(options: GraphQLHandlerOptions<C>): RequestHandler {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  return async (req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    let body: unknown;
    try {
      const raw = req.method === 'POST' ? await readBody(req, limit) : '';
      body = raw && /json/i.test(req.headers['content-type'] ?? '') ? JSON.parse(raw) : raw;
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      sendJson(res, tooLarge ? 413 : 400, {
        errors: [
          {
            message: tooLarge ? `${error.message} Send a smaller request.` : 'The request body is not valid JSON.',
            extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' },
          },
        ],
      });
      return;
    }
    if (options.before) {
      const outcome = await options.before(req, body, res);
      if ('handled' in outcome) return;
      body = outcome.body;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const result = await inRequestScope(requestId, () =>
      options.server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
        context: () => options.context(req, requestId),
      }),
    );
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
