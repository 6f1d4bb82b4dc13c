import { createHash } from 'node:crypto';
import {
  Kind,
  parse,
  print,
  visit,
  type ArgumentNode,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type FieldNode,
  type ObjectTypeDefinitionNode,
  type InterfaceTypeDefinitionNode,
  type SelectionSetNode,
  type TypeNode,
} from 'graphql';

/** A field with arguments that a `@requires` needs, as the planner sees it: a field of its own. */
export interface RequiredWithArguments {
  /** The synthetic field the planner plans (`_mosaicRequired_…`), never in the API schema. */
  synthetic: string;
  parentType: string;
  field: string;
  arguments: readonly ArgumentNode[];
}

export interface PlannerInput {
  /** The supergraph @apollo/gateway loads and plans with. */
  supergraphSdl: string;
  /** By synthetic name. */
  required: Map<string, RequiredWithArguments>;
  /** Per subgraph name, `Type.field` → the synthetic fields its `@requires` uses. */
  requiresOf: Map<string, Map<string, string[]>>;
  /** Per `Type.field`, the subgraphs that resolve it (not external, not overridden), in supergraph order. */
  fieldResolvers: Map<string, string[]>;
  /** Per entity type, per subgraph, the field names of its first resolvable key made of plain fields. */
  resolvableKeys: Map<string, Map<string, string[]>>;
  /** Whether `supergraphSdl` differs from the supergraph given (more than in print). */
  changed: boolean;
}

export const SYNTHETIC_PREFIX = '_mosaicRequired_';
const INACCESSIBLE_URL = 'https://specs.apollo.dev/inaccessible/v0.2';

/**
 * Two corrections of the supergraph Apollo's query planner reads, where its plans are wrong.
 *
 * 1. Arguments in `@requires`: the planner keeps a required field's arguments in the fetch that
 *    gets it, but selections are merged by response name, so a client's `comments(limit: $n)` and
 *    a required `comments(limit: 2)` become one field with one set of arguments, and two fields
 *    requiring `price(currency: "USD")` and `price(currency: "EUR")` get one price. Here each
 *    (field, arguments) a `@requires` names becomes a field of its own, `@inaccessible` (so the
 *    API schema does not change), resolved by the same subgraphs as the real one; the `@requires`
 *    names it instead. plan-corrections.ts turns it back into `alias: field(arguments)` in the
 *    fetches and renames it to the real field in the representations.
 * 2. Several `@key`s: after a `@requires`, the planner re-enters the subgraph with the first of
 *    its keys that selects no external field — `resolvable: false` or not
 *    (`getLocallySatisfiableKey` in @apollo/query-graphs) — and the subgraph resolves that entity
 *    to null. Here each subgraph's resolvable keys come before its non-resolvable ones (the order
 *    of resolvable keys, which gives the planner's key edges, is kept).
 */
export function plannerInput(supergraphSdl: string): PlannerInput {
  const document = parse(supergraphSdl);
  const types = new Map<string, ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.INTERFACE_TYPE_DEFINITION) types.set(d.name.value, d);
  const graphNames = joinGraphNames(document);
  const required = new Map<string, RequiredWithArguments>();
  const requiresOf = new Map<string, Map<string, string[]>>();
  const added = new Map<string, FieldDefinitionNode[]>();

  /** Undefined (the field stays as stock plans it) where a synthetic field cannot stand in: on an interface, whose implementations would all need it. */
  const syntheticFor = (parentType: string, field: FieldNode): string | undefined => {
    if (types.get(parentType)?.kind !== Kind.OBJECT_TYPE_DEFINITION) return undefined;
    const args = [...(field.arguments ?? [])].sort((a, b) => a.name.value.localeCompare(b.name.value));
    const hash = createHash('sha256').update(`${parentType}.${field.name.value}(${args.map(print).join(',')})`).digest('hex').slice(0, 10);
    const synthetic = `${SYNTHETIC_PREFIX}${field.name.value}_${hash}`;
    if (required.has(synthetic)) return synthetic;
    const original = types.get(parentType)?.fields?.find((f) => f.name.value === field.name.value);
    if (!original) throw new Error(`@requires names ${parentType}.${field.name.value}, which the supergraph does not define`);
    required.set(synthetic, { synthetic, parentType, field: field.name.value, arguments: args });
    const list = added.get(parentType) ?? [];
    list.push(syntheticField(synthetic, original));
    added.set(parentType, list);
    return synthetic;
  };

  /** The requires' selection with every field that has arguments replaced by its synthetic field. */
  const rewriteSelection = (parentType: string, selectionSet: SelectionSetNode, used: string[]): SelectionSetNode => ({
    ...selectionSet,
    selections: selectionSet.selections.map((selection) => {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value ?? parentType;
        return { ...selection, selectionSet: rewriteSelection(condition, selection.selectionSet, used) };
      }
      if (selection.kind !== Kind.FIELD) return selection;
      const fieldType = namedType(types.get(parentType)?.fields?.find((f) => f.name.value === selection.name.value)?.type);
      const nested = selection.selectionSet && fieldType ? rewriteSelection(fieldType, selection.selectionSet, used) : selection.selectionSet;
      if (!selection.arguments?.length) return { ...selection, selectionSet: nested };
      const synthetic = syntheticFor(parentType, selection);
      if (!synthetic) return { ...selection, selectionSet: nested };
      used.push(synthetic);
      return { kind: Kind.FIELD, name: { kind: Kind.NAME, value: synthetic }, selectionSet: nested } satisfies FieldNode;
    }),
  });

  let rewritten = visit(document, {
    ObjectTypeDefinition: { enter: (node) => withResolvableKeysFirst(node) },
    InterfaceTypeDefinition: { enter: (node) => withResolvableKeysFirst(node) },
    FieldDefinition(field, _key, _parent, _path, ancestors) {
      // The parent is the `fields` array; the last ancestor, the type definition.
      const owner = ancestors[ancestors.length - 1] as DefinitionNode | undefined;
      if (!owner || (owner.kind !== Kind.OBJECT_TYPE_DEFINITION && owner.kind !== Kind.INTERFACE_TYPE_DEFINITION)) return undefined;
      let changed = false;
      const directives = field.directives?.map((directive) => {
        const requires = argument(directive, 'requires');
        if (directive.name.value !== 'join__field' || requires?.kind !== Kind.STRING || !requires.value.includes('(')) return directive;
        const graph = argument(directive, 'graph');
        const selection = (parse(`{${requires.value}}`).definitions[0] as { selectionSet: SelectionSetNode }).selectionSet;
        const used: string[] = [];
        const replaced = rewriteSelection(owner.name.value, selection, used);
        if (used.length === 0) return directive;
        changed = true;
        const subgraph = graph?.kind === Kind.ENUM ? graphNames.get(graph.value) : undefined;
        if (subgraph) {
          const byField = requiresOf.get(subgraph) ?? new Map<string, string[]>();
          byField.set(`${owner.name.value}.${field.name.value}`, used);
          requiresOf.set(subgraph, byField);
        }
        const fields = print(replaced).slice(1, -1).trim();
        return { ...directive, arguments: directive.arguments?.map((a) => (a.name.value === 'requires' ? { ...a, value: { kind: Kind.STRING, value: fields } } : a)) } as ConstDirectiveNode;
      });
      return changed ? { ...field, directives } : undefined;
    },
  });
  if (added.size > 0) {
    rewritten = visit(rewritten, {
      ObjectTypeDefinition: (node) => (added.has(node.name.value) ? { ...node, fields: [...(node.fields ?? []), ...added.get(node.name.value)!] } : undefined),
      InterfaceTypeDefinition: (node) => (added.has(node.name.value) ? { ...node, fields: [...(node.fields ?? []), ...added.get(node.name.value)!] } : undefined),
    });
    rewritten = withoutUnusedExternals(rewritten, required);
    rewritten = withInaccessible(rewritten);
  }
  return { supergraphSdl: print(rewritten), required, requiresOf, fieldResolvers: fieldResolvers(types.values(), graphNames), resolvableKeys: resolvableKeys(types.values(), graphNames), changed: rewritten !== document };
}

function resolvableKeys(types: Iterable<ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode>, graphNames: Map<string, string>): Map<string, Map<string, string[]>> {
  const keys = new Map<string, Map<string, string[]>>();
  for (const type of types) {
    for (const join of (type.directives ?? []).filter((d) => d.name.value === 'join__type')) {
      const graph = argument(join, 'graph');
      const key = argument(join, 'key');
      const resolvable = argument(join, 'resolvable');
      const subgraph = graph?.kind === Kind.ENUM ? graphNames.get(graph.value) : undefined;
      if (!subgraph || key?.kind !== Kind.STRING || (resolvable?.kind === Kind.BOOLEAN && !resolvable.value) || !/^[\w\s]+$/.test(key.value)) continue;
      const byGraph = keys.get(type.name.value) ?? new Map<string, string[]>();
      if (!byGraph.has(subgraph)) byGraph.set(subgraph, key.value.trim().split(/\s+/));
      keys.set(type.name.value, byGraph);
    }
  }
  return keys;
}

/** join__Graph enum value → subgraph name. */
function joinGraphNames(document: DocumentNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const d of document.definitions) {
    if (d.kind !== Kind.ENUM_TYPE_DEFINITION || d.name.value !== 'join__Graph') continue;
    for (const value of d.values ?? []) {
      const name = value.directives?.find((x) => x.name.value === 'join__graph')?.arguments?.find((a) => a.name.value === 'name')?.value;
      if (name?.kind === Kind.STRING) names.set(value.name.value, name.value);
    }
  }
  return names;
}

function fieldResolvers(types: Iterable<ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode>, graphNames: Map<string, string>): Map<string, string[]> {
  const resolvers = new Map<string, string[]>();
  const isTrue = (d: ConstDirectiveNode, name: string) => {
    const value = argument(d, name);
    return value?.kind === Kind.BOOLEAN && value.value;
  };
  const nameOf = (d: ConstDirectiveNode) => {
    const graph = argument(d, 'graph');
    return graph?.kind === Kind.ENUM ? graphNames.get(graph.value) : undefined;
  };
  for (const type of types) {
    const typeGraphs = (type.directives ?? []).filter((d) => d.name.value === 'join__type').map(nameOf);
    for (const field of type.fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
      const graphs = joins.length === 0 ? typeGraphs : joins.filter((d) => !isTrue(d, 'external') && !isTrue(d, 'usedOverridden')).map(nameOf);
      resolvers.set(`${type.name.value}.${field.name.value}`, [...new Set(graphs.filter((g): g is string => g !== undefined))]);
    }
  }
  return resolvers;
}

function argument(directive: ConstDirectiveNode, name: string) {
  return directive.arguments?.find((a) => a.name.value === name)?.value;
}

function namedType(type: TypeNode | undefined): string | undefined {
  if (!type) return undefined;
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** The original field's type, no arguments, resolved where it is (its `@join__field` graphs and externals), inaccessible. */
function syntheticField(name: string, original: FieldDefinitionNode): FieldDefinitionNode {
  const joins = (original.directives ?? [])
    .filter((d) => d.name.value === 'join__field' && !(argument(d, 'usedOverridden') as { value?: boolean } | undefined)?.value)
    .map((d) => ({ ...d, arguments: d.arguments?.filter((a) => a.name.value === 'graph' || a.name.value === 'external' || a.name.value === 'type') }));
  const inaccessible: ConstDirectiveNode = { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'inaccessible' } };
  return { kind: Kind.FIELD_DEFINITION, name: { kind: Kind.NAME, value: name }, type: original.type, arguments: [], directives: [...joins, inaccessible] };
}

function withResolvableKeysFirst<T extends ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode>(node: T): T | undefined {
  const directives = node.directives ?? [];
  const nonResolvable = (d: ConstDirectiveNode) => {
    const resolvable = argument(d, 'resolvable');
    return resolvable?.kind === Kind.BOOLEAN && !resolvable.value;
  };
  const graphOf = (d: ConstDirectiveNode) => (argument(d, 'graph') as { value?: string } | undefined)?.value ?? '';
  // Per graph, its keys in the new order; each graph's positions among the directives are kept.
  const byGraph = new Map<string, ConstDirectiveNode[]>();
  for (const d of directives) if (d.name.value === 'join__type') byGraph.set(graphOf(d), [...(byGraph.get(graphOf(d)) ?? []), d]);
  let changed = false;
  for (const [graph, joins] of byGraph) {
    const sorted = [...joins.filter((d) => !nonResolvable(d)), ...joins.filter(nonResolvable)];
    if (sorted.some((d, i) => d !== joins[i])) changed = true;
    byGraph.set(graph, sorted);
  }
  if (!changed) return undefined;
  return { ...node, directives: directives.map((d) => (d.name.value === 'join__type' ? byGraph.get(graphOf(d))!.shift()! : d)) };
}

/**
 * A subgraph's `@external` declaration of a field that its `@requires` now name only through
 * synthetic fields is dropped from the field: extraction rejects an external field nothing uses.
 * Kept where any key, `@requires` or `@provides` of that subgraph still mentions the field's name.
 */
function withoutUnusedExternals(document: DocumentNode, required: Map<string, RequiredWithArguments>): DocumentNode {
  const fieldSets = new Map<string, string[]>();
  visit(document, {
    Directive(d) {
      if (d.name.value !== 'join__field' && d.name.value !== 'join__type') return;
      const graph = d.arguments?.find((a) => a.name.value === 'graph')?.value;
      if (graph?.kind !== Kind.ENUM) return;
      for (const a of d.arguments ?? []) if ((a.name.value === 'requires' || a.name.value === 'provides' || a.name.value === 'key') && a.value.kind === Kind.STRING) fieldSets.set(graph.value, [...(fieldSets.get(graph.value) ?? []), a.value.value]);
    },
  });
  const replaced = new Set([...required.values()].map((r) => `${r.parentType}.${r.field}`));
  const mentioned = (graph: string, field: string) => (fieldSets.get(graph) ?? []).some((set) => new RegExp(`\\b${field}\\b`).test(set));
  const prune = <T extends ObjectTypeDefinitionNode | InterfaceTypeDefinitionNode>(node: T): T | undefined => {
    if (!node.fields?.some((f) => replaced.has(`${node.name.value}.${f.name.value}`))) return undefined;
    const fields = node.fields.map((f) => {
      if (!replaced.has(`${node.name.value}.${f.name.value}`)) return f;
      const directives = f.directives?.filter((d) => {
        const graph = argument(d, 'graph');
        const external = argument(d, 'external');
        return !(d.name.value === 'join__field' && graph?.kind === Kind.ENUM && external?.kind === Kind.BOOLEAN && external.value && !mentioned(graph.value, f.name.value));
      });
      return { ...f, directives };
    });
    return { ...node, fields };
  };
  return visit(document, { ObjectTypeDefinition: prune, InterfaceTypeDefinition: prune });
}

/** Links the inaccessible spec (and defines `@inaccessible`) unless the supergraph already does. */
function withInaccessible(document: DocumentNode): DocumentNode {
  const linked = document.definitions.some(
    (d) => d.kind === Kind.SCHEMA_DEFINITION && d.directives?.some((l) => l.name.value === 'link' && (argument(l, 'url') as { value?: string } | undefined)?.value?.startsWith('https://specs.apollo.dev/inaccessible/')),
  );
  if (linked) return document;
  const definition = parse(`directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION`).definitions[0]!;
  const link = (parse(`extend schema @link(url: "${INACCESSIBLE_URL}", for: SECURITY)`).definitions[0] as { directives: readonly ConstDirectiveNode[] }).directives[0]!;
  return {
    ...document,
    definitions: [
      ...document.definitions.map((d) => (d.kind === Kind.SCHEMA_DEFINITION ? { ...d, directives: [...(d.directives ?? []), link] } : d)),
      definition,
    ],
  };
}
