export { createApiMeter, type ApiMeter, type MeteringOptions, type Admission } from './api-meter';
export { meteringPlugin } from './metering-plugin';
export { subgraphPlanLookup, type PlanLookup, type PlanLimit } from './plan-limits';
export { meteringFor, DEFAULT_METERING, type MeteringConfig } from './create-metering';
