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
 * traces, Apollo's own executor runs: it makes the spans and trace nodes Mosaic's leaves out.
 */
export function installPlanExecutor(): void {
  if (installed) return;
  installed = true;
  loadApolloInternals();
  const apollo = executeQueryPlanModule.executeQueryPlan;
  const mosaic: ExecuteQueryPlan = (queryPlan, serviceMap, requestContext, operationContext, supergraphSchema, apiSchema, telemetryConfig) => {
    const captureTraces = (requestContext as { metrics?: { captureTraces?: boolean } }).metrics?.captureTraces;
    if (tracingEnabled() || captureTraces) return apollo(queryPlan, serviceMap, requestContext, operationContext, supergraphSchema, apiSchema, telemetryConfig);
    return executePlan(queryPlan, serviceMap as never, requestContext as never, operationContext, supergraphSchema, apiSchema);
  };
  Object.defineProperty(mosaic, MOSAIC_EXECUTOR, { value: true });
  executeQueryPlanModule.executeQueryPlan = mosaic;
}
