import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type ASTNode, type ValidationContext, type ValidationRule } from 'graphql';

/** Limits applied to every operation before it is planned (HTTP and WebSocket alike). */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Deepest selection inside `__schema` / `__type`, counted from that field (1). */
  maxIntrospectionDepth: number;
  /** Longest string literal in a document, characters; larger values belong in variables. */
  maxStringLength: number;
  /** Largest HTTP request body, bytes. */
  maxBodyBytes: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 15,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 5_000,
  maxCost: 50_000,
  // graphql-js's getIntrospectionQuery (GraphiQL, Sandbox) reaches 14.
  maxIntrospectionDepth: 20,
  maxStringLength: 10_000,
  maxBodyBytes: 1024 * 1024,
};

/**
 * The Guild's graphql-armor (via its Apollo Server integration): depth, aliases, directives and
 * cost limits, and — in production — no "Did you mean …?" field suggestions that would let a
 * client map a schema whose introspection is off. Two gaps of its defaults are closed: aliases of
 * `__typename` count like any other (its default allow-list skips them), and introspection, which
 * its depth limit ignores, has a depth limit of its own. String literals are bounded too (one
 * token can be megabytes). The token limit is graphql-js's own `parse(…, { maxTokens })`, applied
 * by both transports: armor's Apollo plugin throws from a hook and turns a refusal into a 500.
 */
export function armorFor(limits: OperationLimits, production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases, allowList: [] },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    plugins: armor.plugins,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [...armor.validationRules, maxIntrospectionDepthRule(limits.maxIntrospectionDepth), maxStringLengthRule(limits.maxStringLength)],
  };
}

/**
 * The introspection schema is recursive (`ofType { ofType { … } }`, `fields { type { fields … } }`),
 * so a small request can ask for a large answer; graphql-js bounds nested lists (3), this bounds
 * the depth itself, fragments followed.
 */
export function maxIntrospectionDepthRule(limit: number): ValidationRule {
  return (context: ValidationContext) => {
    // A fragment's depth does not depend on where it is spread: computed once (a cycle counts 0;
    // NoFragmentCyclesRule reports it), so spreading one fragment many times stays linear.
    const fragmentDepths = new Map<string, number>();
    const depthOf = (node: ASTNode): number => {
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const name = node.name.value;
        const known = fragmentDepths.get(name);
        if (known !== undefined) return known;
        fragmentDepths.set(name, 0);
        const fragment = context.getFragment(name);
        const depth = fragment ? depthOf(fragment) : 0;
        fragmentDepths.set(name, depth);
        return depth;
      }
      let deepest = 0;
      if ('selectionSet' in node && node.selectionSet) {
        for (const child of node.selectionSet.selections) deepest = Math.max(deepest, depthOf(child));
      }
      return (node.kind === Kind.FIELD ? 1 : 0) + deepest;
    };
    return {
      Field(node) {
        if (node.name.value !== '__schema' && node.name.value !== '__type') return undefined;
        const depth = depthOf(node);
        if (depth > limit) {
          context.reportError(new GraphQLError(`Introspection depth limit of ${limit} exceeded, found ${depth}.`, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        }
        return false;
      },
    };
  };
}

export function maxStringLengthRule(limit: number): ValidationRule {
  return (context: ValidationContext) => ({
    StringValue(node) {
      if (node.value.length > limit) {
        context.reportError(
          new GraphQLError(`String literal of ${node.value.length} characters is longer than the limit of ${limit}: pass large values as variables.`, {
            nodes: [node],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
        );
      }
    },
  });
}
