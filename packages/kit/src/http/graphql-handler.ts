import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { inRequestScope } from '../observability/request-scope';
import { BodyTooLargeError, readBody } from './read-body';

/**
 * What a client sent, whatever the method: the parsed JSON body of a POST, or the URL parameters
 * of a GET (`variables` and `extensions` JSON-decoded when they parse), so a guard sees one shape.
 */
export type GraphQLRequestParams = unknown;

export interface GraphQLHandlerOptions<C extends BaseContext> {
  server: ApolloServer<C>;
  context: (req: IncomingMessage, requestId: string) => Promise<C>;
  maxBodyBytes?: number;
  /**
   * Runs after the request is read, before Apollo Server, for GET and POST alike: may rewrite the
   * request (persisted documents) or answer it itself (rate limits, refused documents).
   */
  before?: (req: IncomingMessage, params: GraphQLRequestParams, res: ServerResponse) => Promise<{ params: GraphQLRequestParams } | { handled: true }>;
  /**
   * Whether the request's work runs in its request scope (`currentRequestId`, default true):
   * subgraphs count an operation's SQL by it. A process that needs no scope passes false, and no
   * async context is tracked across each of its promises (AsyncLocalStorage's promise hooks).
   */
  requestScope?: boolean;
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
    const method = req.method?.toUpperCase() ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://localhost');
    let body: unknown;
    try {
      const raw = method === 'POST' ? await readBody(req, limit) : '';
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
    let search = url.search;
    if (options.before) {
      const isGet = method === 'GET';
      const params = isGet ? paramsFromSearch(url.searchParams) : body;
      const outcome = await options.before(req, params, res);
      if ('handled' in outcome) return;
      if (!isGet) body = outcome.params;
      else if (outcome.params !== params) search = searchFromParams(outcome.params);
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const execute = () =>
      options.server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search, body },
        context: () => options.context(req, requestId),
      });
    const result = await (options.requestScope === false ? execute() : inRequestScope(requestId, execute));
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

const JSON_PARAMS = new Set(['variables', 'extensions']);

/** GET parameters as a request object; a JSON parameter that does not parse stays text (Apollo refuses it with 400). */
function paramsFromSearch(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of search) {
    if (!JSON_PARAMS.has(key)) params[key] = value;
    else {
      try {
        params[key] = JSON.parse(value);
      } catch {
        params[key] = value;
      }
    }
  }
  return params;
}

/** The (possibly rewritten) request back into URL parameters, for Apollo Server's GET handling. */
function searchFromParams(params: GraphQLRequestParams): string {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
