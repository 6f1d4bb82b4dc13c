import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import type { GatewayContext } from '../context';
import { costModel } from './cost-model';
import { createMemoryCostBudget } from './cost-budget';
import { actualCost, estimatedCost } from './operation-cost';

export interface DemandControlOptions {
  /** `enforce` refuses; `measure` only counts what it would refuse (metrics), for tuning limits first. */
  mode: 'enforce' | 'measure';
  /** Highest estimated cost of one operation. */
  maxCost: number;
  /** Cost units a client (user, else address) may spend per window; 0 is off. */
  clientBudget: number;
  clientWindowSeconds: number;
  /** List size assumed where a list field declares no `@listSize`. */
  defaultListSize: number;
}

export const DEFAULT_DEMAND_CONTROL: DemandControlOptions = { mode: 'measure', maxCost: 10_000, clientBudget: 200_000, clientWindowSeconds: 60, defaultListSize: 10 };

export interface CostObserver {
  observeCost(kind: 'estimated' | 'actual', cost: number): void;
  refusedForCost(reason: 'operation' | 'client', enforced: boolean): void;
}

/**
 * Demand control (issue 23) as an Apollo Server plugin: once the operation is resolved, its cost is
 * estimated from the supergraph's `@cost` / `@listSize` (operation-cost.ts); over `maxCost` it is
 * refused with OPERATION_TOO_EXPENSIVE and the cost (`extensions.cost`), over the client's budget
 * for the window with RATE_LIMITED, the cost and when the budget resets (HTTP 429, Retry-After).
 * After execution the actual cost, from the response's real list sizes, is measured; both are
 * exported as `mosaic_gateway_operation_cost`. Subscriptions are not costed (yet).
 */
export function demandControlPlugin(supergraphSdl: string, options: DemandControlOptions, observer: CostObserver): ApolloServerPlugin<GatewayContext> & { close(): void } {
  const model = costModel(supergraphSdl);
  const budget = options.clientBudget > 0 ? createMemoryCostBudget(options.clientBudget, options.clientWindowSeconds) : undefined;
  const fragmentsOf = new WeakMap<DocumentNode, Map<string, FragmentDefinitionNode>>();
  const fragments = (document: DocumentNode) => {
    let map = fragmentsOf.get(document);
    if (!map) fragmentsOf.set(document, (map = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]))));
    return map;
  };
  const enforced = options.mode === 'enforce';
  const actualCosts = new WeakMap<object, number>();
  return {
    close: () => budget?.close(),
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema, contextValue }) {
          if (!operation || operation.operation === 'subscription') return;
          const cost = estimatedCost(schema, model, operation, fragments(document), request.variables, options);
          observer.observeCost('estimated', cost);
          if (cost > options.maxCost) {
            observer.refusedForCost('operation', enforced);
            if (enforced) {
              throw new GraphQLError(`This operation's estimated cost is ${cost}, over the limit of ${options.maxCost}. Ask for fewer items (a smaller first/limit) or fewer nested lists.`, {
                extensions: { code: 'OPERATION_TOO_EXPENSIVE', cost: { estimated: cost, max: options.maxCost }, http: { status: 400 } },
              });
            }
          }
          if (!budget) return;
          const client = contextValue.viewer ? `user:${contextValue.viewer.userId}` : `ip:${contextValue.client?.ip ?? 'unknown'}`;
          const spent = enforced ? budget.spend(client, cost) : { allowed: true, remaining: 0, resetSeconds: 0 };
          if (!spent.allowed) {
            observer.refusedForCost('client', true);
            const headers = new HeaderMap([['retry-after', String(spent.resetSeconds)]]);
            throw new GraphQLError(`This operation costs ${cost} and ${spent.remaining} of your budget of ${options.clientBudget} per ${options.clientWindowSeconds} s is left. Try again in ${spent.resetSeconds} s.`, {
              extensions: { code: 'RATE_LIMITED', cost: { estimated: cost, remaining: spent.remaining, budget: options.clientBudget, resetSeconds: spent.resetSeconds }, http: { status: 429, headers } },
            });
          }
        },
        async willSendResponse({ operation, document, request, schema, response }) {
          if (!operation || !document || operation.operation === 'subscription' || response.body.kind !== 'single') return;
          const data = response.body.singleResult.data;
          if (data === undefined) return;
          // One walk per result: the requests that shared an execution share its data object too.
          let cost = data === null ? undefined : actualCosts.get(data);
          if (cost === undefined) {
            cost = actualCost(schema, model, operation, fragments(document), request.variables, data);
            if (data !== null) actualCosts.set(data, cost);
          }
          observer.observeCost('actual', cost);
        },
      };
    },
  };
}
