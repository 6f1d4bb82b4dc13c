import { createServer, type IncomingMessage, type Server } from 'node:http';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, GraphQLError, parse, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { zeroCounters, type SubgraphCounters } from './counters';
import type { SubgraphDefinition } from './definition';

/**
 * A lean GraphQL-over-HTTP server for one benchmark subgraph: graphql-js `execute` on the
 * `buildSubgraphSchema` schema, each distinct document parsed and validated once. It is the same
 * server for every gateway under test and is kept cheap so that the gateway, not the subgraphs, is
 * the bottleneck (the public benchmark's subgraphs are Rust). Counts requests and `_entities`
 * representations.
 */
export function createSubgraphServer(definition: SubgraphDefinition): { server: Server; counters: SubgraphCounters } {
  const schema = buildSubgraphSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers });
  const counters = zeroCounters();
  countEntities(schema, counters);
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();

  const documentFor = (query: string) => {
    let cached = documents.get(query);
    if (!cached) {
      try {
        const document = parse(query);
        const errors = validate(schema, document);
        cached = errors.length ? errors : document;
      } catch (error) {
        cached = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
      }
      if (documents.size < 1_000) documents.set(query, cached);
    }
    return cached;
  };

  const server = createServer((req, res) => {
    void respond(req).then(
      (result) => {
        const body = JSON.stringify(result);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      },
      (error: unknown) => {
        res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
      },
    );
  });
  server.keepAliveTimeout = 65_000;

  async function respond(req: IncomingMessage): Promise<ExecutionResult> {
    counters.requests++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      query: string;
      variables?: Record<string, unknown>;
      operationName?: string;
    };
    const document = documentFor(query);
    if (Array.isArray(document)) return { errors: document };
    return execute({ schema, document: document as DocumentNode, variableValues: variables ?? null, operationName: operationName ?? null });
  }

  return { server, counters };
}

/** Wraps `Query._entities` to count every entity fetch and its representations, however sent. */
function countEntities(schema: GraphQLSchema, counters: SubgraphCounters): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) return;
  field.resolve = (source, args: { representations: unknown[] }, context, info) => {
    counters.entityFetches++;
    counters.representations += args.representations.length;
    return resolve(source, args, context, info);
  };
}
