import { Counter, type Registry } from 'prom-client';
import type { CounterStore, GatewayRequestSigner, Logger } from '@mosaic/kit';
import { createApiMeter, type ApiMeter, type MeteringOptions } from './api-meter';
import { subgraphPlanLookup, type PlanLookup } from './plan-limits';

/** What `createGateway` takes to meter API calls (absent: no metering). */
export interface MeteringConfig extends Partial<Omit<MeteringOptions, 'counters' | 'lookup' | 'log'>> {
  counters: CounterStore;
  /** The subgraph owning organisations and their plans (default `tenancy`); its entitlements query is asked directly. */
  planSubgraph?: string;
  /** Replaces the subgraph lookup (tests of the meter alone). */
  lookup?: PlanLookup;
}

export const DEFAULT_METERING = { flushIntervalMs: 1_000, planTtlMs: 60_000, retryMs: 5_000, planSubgraph: 'tenancy' };

/** The meter, or undefined when the supergraph has no plan owner to ask (then nothing is metered). */
export function meteringFor(
  config: MeteringConfig | undefined,
  deps: { urlOf: (subgraph: string) => string | undefined; signerFor: ((audience: string) => GatewayRequestSigner) | undefined; timeoutMs: number; log: Logger; registry: Registry },
): ApiMeter | undefined {
  if (!config) return undefined;
  const settings = { ...DEFAULT_METERING, ...config };
  const url = deps.urlOf(settings.planSubgraph);
  const lookup = config.lookup ?? (url ? subgraphPlanLookup({ url, sign: deps.signerFor?.(settings.planSubgraph), timeoutMs: Math.min(deps.timeoutMs, 5_000) }) : undefined);
  if (!lookup) {
    deps.log.warn({ subgraph: settings.planSubgraph }, 'metering off: the supergraph has no subgraph owning the plans');
    return undefined;
  }
  const calls = new Counter({ name: 'mosaic_gateway_metered_calls_total', help: 'Operations of organisations by metering outcome (counted, refused over quota, unknown_plan: counted while the plan could not be read).', labelNames: ['outcome'], registers: [deps.registry] });
  return createApiMeter(
    { counters: config.counters, lookup, flushIntervalMs: settings.flushIntervalMs, planTtlMs: settings.planTtlMs, retryMs: settings.retryMs, now: config.now ?? (() => new Date()), log: deps.log.child({ component: 'metering' }) },
    { metered: (outcome) => calls.inc({ outcome }) },
  );
}
