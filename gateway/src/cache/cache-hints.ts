import { buildASTSchema, Kind, parse, type ConstDirectiveNode, type GraphQLField, type GraphQLNamedType, type GraphQLSchema } from 'graphql';

/**
 * What the supergraph says about caching: the `@cacheControl` hints (Apollo's directive, kept in
 * the supergraph by `@composeDirective`), the `@cacheInvalidation` rules, which fields and types
 * are access-guarded (`@authenticated`, `@requiresScopes`, `@policy`: their values depend on who
 * asks, so they are cached per viewer whatever their hint says) and each entity's `@key` fields.
 */
export type CacheScope = 'PUBLIC' | 'PRIVATE';

export interface CacheHint {
  maxAge?: number;
  scope?: CacheScope;
  inheritMaxAge?: boolean;
}

/** A domain event that changes an entity: its payload's `idField` holds the raw id of `typeName`. */
export interface InvalidationRule {
  domain: string;
  event: string;
  idField: string;
  typeName: string;
}

export interface CacheHints {
  schema: GraphQLSchema;
  typeHint(type: GraphQLNamedType): CacheHint | undefined;
  fieldHint(field: GraphQLField<unknown, unknown>): CacheHint | undefined;
  guarded(field: GraphQLField<unknown, unknown>, returnType: GraphQLNamedType): boolean;
  /** Each `@key` of the type as its top-level field names (nested keys left out: not cached). */
  keysOf(typeName: string): readonly (readonly string[])[];
  invalidations: readonly InvalidationRule[];
}

const GUARDS = new Set(['authenticated', 'requiresScopes', 'policy']);

function argument(directive: ConstDirectiveNode, name: string) {
  return directive.arguments?.find((a) => a.name.value === name)?.value;
}

function hintOf(directives: readonly ConstDirectiveNode[] | undefined): CacheHint | undefined {
  const directive = directives?.find((d) => d.name.value === 'cacheControl');
  if (!directive) return undefined;
  const hint: CacheHint = {};
  const maxAge = argument(directive, 'maxAge');
  if (maxAge?.kind === Kind.INT) hint.maxAge = Number(maxAge.value);
  const scope = argument(directive, 'scope');
  if (scope?.kind === Kind.ENUM && (scope.value === 'PUBLIC' || scope.value === 'PRIVATE')) hint.scope = scope.value;
  const inherit = argument(directive, 'inheritMaxAge');
  if (inherit?.kind === Kind.BOOLEAN && inherit.value) hint.inheritMaxAge = true;
  return hint;
}

const stringArgument = (directive: ConstDirectiveNode, name: string) => {
  const value = argument(directive, name);
  return value?.kind === Kind.STRING ? value.value : undefined;
};

export function readCacheHints(supergraphSdl: string): CacheHints {
  const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  const typeHints = new Map<string, CacheHint | undefined>();
  const keys = new Map<string, string[][]>();
  const invalidations: InvalidationRule[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    const directives = type.astNode?.directives;
    typeHints.set(type.name, hintOf(directives));
    const typeKeys: string[][] = [];
    for (const directive of directives ?? []) {
      if (directive.name.value === 'join__type') {
        const key = stringArgument(directive, 'key');
        if (key && !key.includes('{')) typeKeys.push(key.trim().split(/[\s,]+/).sort());
      }
      if (directive.name.value === 'cacheInvalidation') {
        const [domain, event, idField] = ['domain', 'event', 'idField'].map((name) => stringArgument(directive, name));
        if (domain && event && idField) invalidations.push({ domain, event, idField, typeName: type.name });
      }
    }
    keys.set(type.name, typeKeys);
  }
  for (const rule of invalidations) {
    // The event carries a raw id; the gateway sees the entity by its opaque `id` (kit's encodeId).
    if (!keys.get(rule.typeName)?.some((key) => key.length === 1 && key[0] === 'id')) {
      throw new Error(`@cacheInvalidation on ${rule.typeName} needs the type to have @key(fields: "id"): the event's ${rule.idField} is turned into that id.`);
    }
  }
  const isGuarded = (directives: readonly ConstDirectiveNode[] | undefined) => directives?.some((d) => GUARDS.has(d.name.value)) ?? false;
  return {
    schema,
    typeHint: (type) => typeHints.get(type.name),
    fieldHint: (field) => hintOf(field.astNode?.directives),
    guarded: (field, returnType) => isGuarded(field.astNode?.directives) || isGuarded(returnType.astNode?.directives),
    keysOf: (typeName) => keys.get(typeName) ?? [],
    invalidations,
  };
}
