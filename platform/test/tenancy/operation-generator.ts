import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Operations generated from a subgraph's schema (not hand-listed): every Query and Mutation field,
 * and an `_entities` lookup per entity type, with every argument filled in — ids from `idFor`,
 * inputs with what their types require — and a selection of every field reachable without
 * arguments (to a depth), so any row a resolver returns shows in the answer.
 */
export interface GeneratedOperation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface Fill {
  /** An id for an argument: the field, the argument and the entity type it most likely names. */
  idFor(typeName: string): string | undefined;
  /** Text for string fields (a marker, so leaks and writes can be told apart). */
  text: string;
}

const MAX_DEPTH = 4;

export function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  if (depth >= MAX_DEPTH) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter((field) => field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined));
  const parts = fields.map((field) => {
    const inner = getNamedType(field.type);
    if (isScalarType(inner) || isEnumType(inner)) return field.name;
    const nested = selectionOf(field.type, depth + 1);
    return nested ? `${field.name} ${nested}` : '';
  });
  return `{ __typename ${parts.filter(Boolean).join(' ')} }`;
}

/** Which entity an id argument most likely names: `todoId`/`afterId` on moveTodo → Todo; `userId` → User. */
function entityNamed(field: GraphQLField<unknown, unknown>, arg: GraphQLArgument, entities: readonly string[]): string | undefined {
  const byArg = entities.find((entity) => arg.name.toLowerCase() === `${entity.toLowerCase()}id`);
  if (byArg) return byArg;
  const returned = getNamedType(field.type).name;
  if (entities.includes(returned)) return returned;
  return entities.find((entity) => field.name.toLowerCase().includes(entity.toLowerCase()));
}

function valueFor(type: GraphQLInputType, fill: Fill, entity: string | undefined, fieldName: string): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = valueFor(nullable.ofType, fill, entity, fieldName);
    return item === undefined ? [] : [item];
  }
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      // Required fields, and the texts a person types (so writes carry the marker).
      const wanted = (isNonNullType(field.type) && field.defaultValue === undefined) || ['title', 'body', 'name', 'description'].includes(field.name);
      if (!wanted) continue;
      const fieldEntity = field.name.endsWith('Id') ? entityFromName(field.name) ?? entity : entity;
      value[field.name] = valueFor(field.type, fill, fieldEntity, field.name);
    }
    return value;
  }
  if (isEnumType(nullable)) return nullable.getValues()[0]!.value as unknown;
  switch (nullable.name) {
    case 'ID':
      return entity ? fill.idFor(entity) : undefined;
    case 'String':
      return fieldName.toLowerCase().includes('email') ? `${fill.text}@example.com` : fill.text;
    case 'Int':
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTime':
      return new Date(Date.UTC(2030, 0, 1)).toISOString();
    default:
      return undefined;
  }
}

let entityNames: readonly string[] = [];
const entityFromName = (name: string) => entityNames.find((entity) => name.toLowerCase() === `${entity.toLowerCase()}id`);

/** Types with a resolvable `@key` in this subgraph: what `_entities` can be asked for. */
export function entityTypesOf(schema: GraphQLSchema): GraphQLObjectType[] {
  const union = schema.getType('_Entity');
  if (!union || !('getTypes' in union)) return [];
  return (union as { getTypes(): readonly GraphQLObjectType[] }).getTypes().slice();
}

export function generateOperations(schema: GraphQLSchema, fill: Fill): GeneratedOperation[] {
  const entities = entityTypesOf(schema);
  entityNames = entities.map((type) => type.name);
  const operations: GeneratedOperation[] = [];
  for (const [kind, root] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      if (field.name.startsWith('_')) continue;
      const variables: Record<string, unknown> = {};
      const declarations: string[] = [];
      const uses: string[] = [];
      for (const arg of field.args) {
        const value = valueFor(arg.type, fill, entityNamed(field, arg, entityNames), arg.name);
        if (value === undefined) continue;
        variables[arg.name] = value;
        declarations.push(`$${arg.name}: ${arg.type.toString()}`);
        uses.push(`${arg.name}: $${arg.name}`);
      }
      const args = uses.length ? `(${uses.join(', ')})` : '';
      const vars = declarations.length ? `(${declarations.join(', ')})` : '';
      operations.push({ name: `${kind} ${field.name}`, query: `${kind}${vars} { ${field.name}${args} ${selectionOf(field.type)} }`, variables });
    }
  }
  for (const entity of entities) {
    const id = fill.idFor(entity.name);
    if (!id) continue;
    operations.push({
      name: `_entities ${entity.name}`,
      query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${entity.name} ${selectionOf(entity)} } }`,
      variables: { representations: [{ __typename: entity.name, id }] },
    });
  }
  return operations;
}
