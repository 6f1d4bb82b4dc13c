import type { ApolloGateway } from '@apollo/gateway';
import { Supergraph, type Operation } from '@apollo/federation-internals';
import type { QueryPlan } from '@apollo/query-planner';
import type { Logger } from '@mosaic/kit';
import { correctRequiredArguments } from './plan-corrections';
import { plannerInput, type PlannerInput } from './planner-input';
import { withUnfetchedFields } from './unfetched-fields';

interface Planner {
  buildQueryPlan(operation: Operation, options?: object): QueryPlan;
}

/** The planner's plans, corrected; the planner must have been built from `input.supergraphSdl`. */
export function correctPlanner<P extends Planner>(planner: P, input: PlannerInput): P {
  const build = planner.buildQueryPlan.bind(planner);
  planner.buildQueryPlan = (operation, options) => withUnfetchedFields(correctRequiredArguments(build(operation, options), input), operation, input);
  return planner;
}

/**
 * Where Apollo's planner (2.14) plans wrongly and Hive Router does not (docs/adr/0011): the
 * supergraph it plans with is corrected (planner-input.ts), and each plan it makes is corrected
 * before @apollo/gateway caches it (plan-corrections.ts, unfetched-fields.ts). Plans are made
 * once per operation, so none of this runs per request.
 */
export function correctedPlanning(supergraphSdl: string, log: Logger): { input: PlannerInput; install(gateway: ApolloGateway): ApolloGateway } {
  const input = checkedPlannerInput(supergraphSdl, log);
  return {
    input,
    install(gateway) {
      const load = gateway.load.bind(gateway);
      gateway.load = async (loadOptions) => {
        const loaded = await load(loadOptions);
        // Created by load (and again on a schema update, which a static supergraph never has).
        correctPlanner((gateway as unknown as { queryPlanner: Planner }).queryPlanner, input);
        return loaded;
      };
      return gateway;
    },
  };
}

/**
 * The corrected supergraph, checked the way @apollo/gateway will load it (subgraphs extracted);
 * should a correction make a supergraph the planner rejects, the gateway plans as stock does
 * (and says so) rather than not start.
 */
export function checkedPlannerInput(supergraphSdl: string, log: Logger): PlannerInput {
  try {
    const input = plannerInput(supergraphSdl);
    if (input.changed) Supergraph.build(input.supergraphSdl).subgraphs();
    return input;
  } catch (error) {
    log.warn({ err: error }, "the planner's supergraph could not be corrected; planning as stock @apollo/gateway does");
    return { supergraphSdl, required: new Map(), requiresOf: new Map(), fieldResolvers: new Map(), resolvableKeys: new Map(), changed: false };
  }
}
