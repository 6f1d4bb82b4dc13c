import { tracingEnabled } from '@mosaic/kit';
import { executeQueryPlanModule, loadApolloInternals, type ExecuteQueryPlan } from './apollo-internals';
import { executePlan } from './plan-executor';

let installed = false;

/** Marks Mosaic's executor, so that a process (or a test) can tell whether it is active. */
export const MOSAIC_EXECUTOR = Symbol.for('mosaic.gateway.planExecutor');

/**
 * @apollo/gateway calls `executeQueryPlan` through its module's exports (its `ApolloGateway`
 * executor and the index re-export that subscriptions use), so replacing the export there makes
 * both run plan-executor.ts. With tracing on, or when Apollo Server asks for usage-reporting
 * traces, Apollo's own executor runs: it makes the spans and trace nodes Mosaic's leaves out —
 * except for a plan with @defer, which only Mosaic's can deliver.
 */
export function installPlanExecutor(): void {
  if (installed) return;
  installed = true;
  loadApolloInternals();
  const apollo = executeQueryPlanModule.executeQueryPlan;
  const mosaic: ExecuteQueryPlan = (queryPlan, serviceMap, requestContext, operationContext, supergraphSchema, apiSchema, telemetryConfig) => {
    const captureTraces = (requestContext as { metrics?: { captureTraces?: boolean } }).metrics?.captureTraces;
    // Apollo's executor cannot run a `DeferNode`: a plan with @defer always runs here.
    if ((tracingEnabled() || captureTraces) && !hasDefer(queryPlan.node)) return apollo(queryPlan, serviceMap, requestContext, operationContext, supergraphSchema, apiSchema, telemetryConfig);
    return executePlan(queryPlan, serviceMap as never, requestContext as never, operationContext, supergraphSchema, apiSchema);
  };
  Object.defineProperty(mosaic, MOSAIC_EXECUTOR, { value: true });
  executeQueryPlanModule.executeQueryPlan = mosaic;
}

function hasDefer(node: { kind: string; ifClause?: unknown; elseClause?: unknown } | undefined): boolean {
  if (!node) return false;
  if (node.kind === 'Defer') return true;
  return node.kind === 'Condition' && (hasDefer(node.ifClause as never) || hasDefer(node.elseClause as never));
}
