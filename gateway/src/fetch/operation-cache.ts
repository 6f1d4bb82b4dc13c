import { createRequire } from 'node:module';
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';

type OperationFromDocument = (schema: object, document: DocumentNode, options?: { operationName?: string; validate?: boolean }) => unknown;

const operations = createRequire(import.meta.url)('@apollo/federation-internals/dist/operations') as { operationFromDocument: OperationFromDocument };

let installed = false;

/** Marks the memoised function, so a process (or a test) can tell whether the replacement is active. */
export const MEMOISED = Symbol.for('mosaic.federation.memoisedOperationFromDocument');

/**
 * @apollo/gateway rebuilds federation's `Operation` for every request (`executeQueryPlan` calls
 * `operationFromDocument` on each execution), although Apollo Server hands it the same parsed
 * document for the same query text. That rebuild was measured at ~20% of the gateway's CPU on
 * the benchmark query. This memoises it per (schema, operation AST node, options): the same AST
 * node means the same text, and federation's Operation is only read after it is built.
 * The function is replaced where federation-internals defines it (its index re-exports it
 * through a getter, so every caller sees the memoised one). Parity tests compare responses with
 * stock @apollo/gateway, cache hits included.
 */
export function memoiseFederationOperations(): void {
  if (installed) return;
  installed = true;
  const build = operations.operationFromDocument;
  const cache = new WeakMap<object, WeakMap<OperationDefinitionNode, Map<string, unknown>>>();
  const memoised: OperationFromDocument = (schema, document, options) => {
    const definition = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!options?.operationName || d.name?.value === options.operationName));
    if (!definition) return build(schema, document, options);
    let bySchema = cache.get(schema);
    if (!bySchema) cache.set(schema, (bySchema = new WeakMap()));
    let byNode = bySchema.get(definition);
    if (!byNode) bySchema.set(definition, (byNode = new Map()));
    const key = `${options?.operationName ?? ''}\n${options?.validate ?? ''}\n${document.definitions.length}`;
    if (!byNode.has(key)) byNode.set(key, build(schema, document, options));
    return byNode.get(key);
  };
  Object.defineProperty(memoised, MEMOISED, { value: true });
  operations.operationFromDocument = memoised;
}
