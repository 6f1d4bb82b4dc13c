import { Kind, parse, valueFromASTUntyped, type ConstDirectiveNode, type DocumentNode } from 'graphql';

/**
 * The IBM GraphQL cost directive spec's `@cost(weight:)` and `@listSize(assumedSize:,
 * slicingArguments:, sizedFields:, requireOneSlicingArgument:)`, as subgraphs declare them
 * (federation v2.9 imports) and composition carries them into the supergraph — read once.
 */
export interface ListSize {
  assumedSize?: number;
  slicingArguments: string[];
  sizedFields: string[];
  requireOneSlicingArgument: boolean;
}

export interface CostModel {
  /** `@cost` on the field, else on its return type; undefined when neither declares one. */
  fieldWeight(typeName: string, fieldName: string, returnTypeName: string): number | undefined;
  argumentWeight(typeName: string, fieldName: string, argumentName: string): number;
  listSize(typeName: string, fieldName: string): ListSize | undefined;
}

export function costModel(supergraph: string | DocumentNode): CostModel {
  const document = typeof supergraph === 'string' ? parse(supergraph) : supergraph;
  const typeWeights = new Map<string, number>();
  const fieldWeights = new Map<string, number>();
  const argumentWeights = new Map<string, number>();
  const listSizes = new Map<string, ListSize>();
  for (const definition of document.definitions) {
    if (!('name' in definition) || !definition.name || !('directives' in definition)) continue;
    const typeName = definition.name.value;
    const typeWeight = weightOf(definition.directives as readonly ConstDirectiveNode[] | undefined);
    if (typeWeight !== undefined) typeWeights.set(typeName, typeWeight);
    if (!('fields' in definition) || definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || definition.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      const coordinate = `${typeName}.${field.name.value}`;
      const weight = weightOf(field.directives);
      if (weight !== undefined) fieldWeights.set(coordinate, weight);
      const listSize = listSizeOf(field.directives);
      if (listSize) listSizes.set(coordinate, listSize);
      for (const argument of 'arguments' in field ? (field.arguments ?? []) : []) {
        const argumentWeight = weightOf(argument.directives);
        if (argumentWeight !== undefined) argumentWeights.set(`${coordinate}(${argument.name.value})`, argumentWeight);
      }
    }
  }
  return {
    fieldWeight: (typeName, fieldName, returnTypeName) => fieldWeights.get(`${typeName}.${fieldName}`) ?? typeWeights.get(returnTypeName),
    argumentWeight: (typeName, fieldName, argumentName) => argumentWeights.get(`${typeName}.${fieldName}(${argumentName})`) ?? 0,
    listSize: (typeName, fieldName) => listSizes.get(`${typeName}.${fieldName}`),
  };
}

const isCost = (name: string) => name === 'cost' || name === 'federation__cost';
const isListSize = (name: string) => name === 'listSize' || name === 'federation__listSize';

function weightOf(directives: readonly ConstDirectiveNode[] | undefined): number | undefined {
  const directive = directives?.find((d) => isCost(d.name.value));
  const value = directive?.arguments?.find((a) => a.name.value === 'weight')?.value;
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

function listSizeOf(directives: readonly ConstDirectiveNode[] | undefined): ListSize | undefined {
  const directive = directives?.find((d) => isListSize(d.name.value));
  if (!directive) return undefined;
  const arg = (name: string) => {
    const value = directive.arguments?.find((a) => a.name.value === name)?.value;
    return value ? valueFromASTUntyped(value) : undefined;
  };
  const assumedSize = arg('assumedSize');
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  return {
    ...(typeof assumedSize === 'number' ? { assumedSize } : {}),
    slicingArguments: strings(arg('slicingArguments')),
    sizedFields: strings(arg('sizedFields')),
    requireOneSlicingArgument: arg('requireOneSlicingArgument') !== false,
  };
}
