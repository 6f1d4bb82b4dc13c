import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Limits applied to every operation before it is planned (HTTP and WebSocket alike). */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Largest HTTP request body, bytes. */
  maxBodyBytes: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 15,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 5_000,
  maxCost: 50_000,
  maxBodyBytes: 1024 * 1024,
};

/**
 * The Guild's graphql-armor (via its Apollo Server integration): depth, aliases, directives,
 * tokens and cost limits, and — in production — no "Did you mean …?" field suggestions that would
 * let a client map a schema whose introspection is off.
 */
export function armorFor(limits: OperationLimits, production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { n: limits.maxTokens },
    costLimit: { maxCost: limits.maxCost },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}
