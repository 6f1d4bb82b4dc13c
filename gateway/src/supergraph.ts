import { Kind, parse, print, visit, type DocumentNode } from 'graphql';

/**
 * Apollo's composition marks the access-control features (`@authenticated`, `@requiresScopes`,
 * `@policy`) `for: SECURITY`, and @apollo/gateway refuses to load a supergraph with a SECURITY
 * feature it does not implement. Mosaic enforces those directives in every subgraph (defence in
 * depth, including `_entities`), so the gateway loads the supergraph with the purpose dropped.
 */
const ENFORCED_IN_SUBGRAPHS = /^https:\/\/specs\.apollo\.dev\/(authenticated|requiresScopes|policy)\/v/;

export function supergraphForGateway(supergraphSdl: string): string {
  const document = visit(parse(supergraphSdl), {
    Directive(node) {
      if (node.name.value !== 'link') return undefined;
      const url = node.arguments?.find((a) => a.name.value === 'url')?.value;
      if (url?.kind !== Kind.STRING || !ENFORCED_IN_SUBGRAPHS.test(url.value)) return undefined;
      return { ...node, arguments: node.arguments?.filter((a) => a.name.value !== 'for') };
    },
  });
  return print(document);
}

const CONTEXT_SPEC = /^https:\/\/specs\.apollo\.dev\/context\/v/;

/** A supergraph this gateway cannot run; says why and what to change. */
export class UnsupportedSupergraphError extends Error {
  readonly code = 'UNSUPPORTED_LINKED_FEATURE';
}

/**
 * `@context`/`@fromContext` (Federation 2.8) compose, but stock @apollo/gateway 2.14 refuses the
 * supergraph (the context spec is `for: SECURITY` and not among its supported features: only
 * Apollo Router runs it), and Mosaic's executor, which runs the same planner's plans, does not pass
 * contextual arguments (a fetch's `contextRewrites`). Refused here too, before anything starts,
 * with a message that says what to do instead of Apollo's aggregate error.
 */
export function assertRunnableSupergraph(supergraphSdl: string): void {
  const links = parse(supergraphSdl).definitions.flatMap((d) => (d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.SCHEMA_EXTENSION ? (d.directives ?? []) : []));
  const context = links.find((d) => {
    const url = d.name.value === 'link' ? d.arguments?.find((a) => a.name.value === 'url')?.value : undefined;
    return url?.kind === Kind.STRING && CONTEXT_SPEC.test(url.value);
  });
  if (!context) return;
  const used = [...supergraphSdl.matchAll(/@context\(name:\s*"([^"]+)"\)/g)].map((m) => m[1]);
  throw new UnsupportedSupergraphError(
    `The supergraph uses @context/@fromContext (Federation 2.8${used.length ? `; contexts: ${[...new Set(used)].join(', ')}` : ''}), which this gateway does not run: ` +
      'stock @apollo/gateway 2.14 refuses it as well (only Apollo Router passes contextual arguments). ' +
      'Pass the value as a field argument, or read it in the subgraph with @requires or @provides, and compose again.',
  );
}

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/** Subgraph names and routing URLs from the supergraph's `join__Graph` enum. */
export function subgraphEndpoints(supergraph: string | DocumentNode): SubgraphEndpoint[] {
  const document = typeof supergraph === 'string' ? parse(supergraph) : supergraph;
  const endpoints: SubgraphEndpoint[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      const arg = (name: string) => graph?.arguments?.find((a) => a.name.value === name)?.value;
      const name = arg('name');
      const url = arg('url');
      if (name?.kind === Kind.STRING && url?.kind === Kind.STRING) endpoints.push({ name: name.value, url: url.value });
    }
  }
  return endpoints;
}

const ACCESS_DIRECTIVES = new Set(['authenticated', 'requiresScopes', 'policy']);

/**
 * Fields guarded by `@authenticated`, `@requiresScopes` or `@policy` must be nullable (Apollo's
 * guidance for these directives): a caller who may not see one gets `null` there and one error at
 * that path — with a non-null type the null would propagate and erase the parent (a whole
 * subscription event, a whole list). Guarded means: the field carries a directive, its type does
 * (Apollo: fields returning the type), or its parent type does (the kit enforces type-level
 * directives on each field). Returns the offending `Type.field` coordinates.
 */
export function guardedNonNullFields(supergraphSdl: string): string[] {
  const definitions = parse(supergraphSdl).definitions;
  const guarded = (node: { directives?: readonly { name: { value: string } }[] | undefined }) => node.directives?.some((d) => ACCESS_DIRECTIVES.has(d.name.value)) ?? false;
  const guardedTypes = new Set(
    definitions.filter((d) => 'name' in d && d.name !== undefined && 'directives' in d && guarded(d)).map((d) => (d as { name: { value: string } }).name.value),
  );
  const offending: string[] = [];
  for (const definition of definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeName = definition.name.value;
    for (const field of definition.fields ?? []) {
      let named = field.type;
      while (named.kind !== Kind.NAMED_TYPE) named = named.type;
      const isGuarded = guarded(field) || guardedTypes.has(typeName) || guardedTypes.has(named.name.value);
      if (isGuarded && field.type.kind === Kind.NON_NULL_TYPE) offending.push(`${typeName}.${field.name.value}`);
    }
  }
  return offending;
}
