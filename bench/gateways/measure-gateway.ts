import { loadavg } from 'node:os';
import { peakRssMiB, treeRssMiB } from '../src/machine';
import { responseDifference } from './compare-responses';
import { runLoad, type LoadResult } from './load';
import { cpuMs, machineBusyMs } from './process-cpu';
import { sendTestQuery, type RawResponse } from './send-query';
import { totalOf, type CountersBySubgraph } from './subgraphs/counters';
import { startGateway, type GatewayKind, type Subgraphs } from './topology';
import type { Scenario } from './scenarios';

export interface MeasureOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Sequential queries whose subgraph traffic is counted exactly. */
  probeQueries: number;
  scenario: Scenario;
}

export interface SubgraphTraffic {
  requests: number;
  entityFetches: number;
  representations: number;
  bySubgraph: CountersBySubgraph;
}

export interface GatewayRun {
  gateway: GatewayKind;
  round: number;
  /** 1-minute load average when the run started: other work on the machine. */
  loadAverage1m: number;
  load: LoadResult;
  /** Per query, counted on sequential queries (exact). */
  perQuery: SubgraphTraffic;
  /** Per completed query during the measured load (includes in-flight queries at the end). */
  underLoadPerQuery: { requests: number; representations: number };
  /** CPU per completed query: the gateway process, the subgraph process, and this (load-generating) process. */
  cpuMsPerQuery: { gateway: number; subgraphs: number; loadGenerator: number };
  /** Cores kept busy by everything else on the machine during the measured load (noise). */
  otherProcessesCores: number;
  gatewayRssMiBAfter: number;
  /** The gateway process's peak resident memory over its whole life (start, probes, warm-up, load). */
  gatewayPeakRssMiB: number;
}

export class CorrectnessError extends Error {}

/**
 * One gateway, one round, in a fresh child process: check its response against stock Apollo's
 * (`reference`; the stock run itself sets it when still empty), count its subgraph traffic per
 * query, warm up, then measure under load with every response body checked.
 */
export async function measureGateway(kind: GatewayKind, round: number, subgraphs: Subgraphs, reference: { response?: RawResponse }, options: MeasureOptions): Promise<GatewayRun> {
  const loadAverage1m = Math.round(loadavg()[0]! * 100) / 100;
  const gateway = await startGateway(kind, subgraphs);
  try {
    const url = gateway.info.url;
    const first = await sendTestQuery(url, options.scenario, 0);
    if (!reference.response) {
      if (kind !== 'stock') throw new Error('the stock Apollo gateway must run first: its response is the reference');
      const parsed = JSON.parse(first.text) as { errors?: unknown };
      if (first.status !== 200 || parsed.errors) throw new CorrectnessError(`stock Apollo answered the benchmark query with HTTP ${first.status}: ${first.text.slice(0, 500)}`);
      reference.response = first;
    }
    const difference = responseDifference(reference.response, first);
    if (difference) throw new CorrectnessError(`${kind}: response differs from stock Apollo's: ${difference}`);

    await subgraphs.reset();
    for (let i = 0; i < options.probeQueries; i++) {
      const again = await sendTestQuery(url, options.scenario, i + 1);
      if (again.text !== first.text) throw new CorrectnessError(`${kind}: a repeated query answered differently: ${responseDifference(first, again)}`);
    }
    const perQuery = perQueryTraffic(await subgraphs.counters(), options.probeQueries);

    await runLoad(url, { connections: options.connections, durationSeconds: options.warmupSeconds, scenario: options.scenario });

    await subgraphs.reset();
    const gatewayCpu = cpuMs(gateway.child.pid!);
    const subgraphsCpu = cpuMs(subgraphs.process.child.pid!);
    const loadGeneratorCpu = process.cpuUsage();
    const machineBusy = machineBusyMs();
    const load = await runLoad(url, { connections: options.connections, durationSeconds: options.durationSeconds, expectBody: first.text, scenario: options.scenario });
    const loadGeneratorCpuUs = process.cpuUsage(loadGeneratorCpu);
    const gatewayCpuUsed = cpuMs(gateway.child.pid!) - gatewayCpu;
    const subgraphsCpuUsed = cpuMs(subgraphs.process.child.pid!) - subgraphsCpu;
    const loadGeneratorCpuUsed = (loadGeneratorCpuUs.user + loadGeneratorCpuUs.system) / 1000;
    const othersCpuUsed = machineBusyMs() - machineBusy - gatewayCpuUsed - subgraphsCpuUsed - loadGeneratorCpuUsed;
    const completed = Math.max(1, load.goodResponses);
    const cpuMsPerQuery = {
      gateway: round2(gatewayCpuUsed / completed),
      subgraphs: round2(subgraphsCpuUsed / completed),
      loadGenerator: round2(loadGeneratorCpuUsed / completed),
    };
    const underLoad = totalOf(await subgraphs.counters());
    return {
      gateway: kind,
      round,
      loadAverage1m,
      load,
      perQuery,
      underLoadPerQuery: { requests: round2(underLoad.requests / completed), representations: round2(underLoad.representations / completed) },
      cpuMsPerQuery,
      otherProcessesCores: round2(Math.max(0, othersCpuUsed) / 1000 / load.durationSeconds),
      gatewayRssMiBAfter: treeRssMiB(gateway.child.pid!),
      gatewayPeakRssMiB: peakRssMiB(gateway.child.pid!),
    };
  } finally {
    await gateway.stop();
  }
}

function perQueryTraffic(counters: CountersBySubgraph, queries: number): SubgraphTraffic {
  const bySubgraph: CountersBySubgraph = {};
  for (const [name, c] of Object.entries(counters)) {
    bySubgraph[name] = { requests: c.requests / queries, entityFetches: c.entityFetches / queries, representations: c.representations / queries };
  }
  const total = totalOf(bySubgraph);
  return { ...total, bySubgraph };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
