import { median } from '../src/machine';
import type { GatewayRun } from './measure-gateway';
import type { GatewayKind } from './topology';

export interface GatewaySummary {
  gateway: GatewayKind;
  rounds: number;
  rpsMedian: number;
  latencyMsMedian: { p50: number; p95: number; p99: number };
  subgraphRequestsPerQuery: number;
  entityFetchesPerQuery: number;
  representationsPerQuery: number;
  cpuMsPerQueryMedian: { gateway: number; subgraphs: number; loadGenerator: number };
  /** Median over rounds of the gateway process's peak RSS (VmHWM). */
  peakRssMiBMedian: number;
  /** Median cores kept busy by other processes on the machine while this gateway was measured. */
  otherProcessesCoresMedian: number;
  /** Summed over rounds; autocannon counts timeouts among errors. */
  failures: { errors: number; timeouts: number; non2xx: number; mismatches: number };
}

export interface Ratio {
  /** Ratio of the median rps. */
  ofMedians: number;
  /** Median of the per-round ratios (each pair measured minutes apart). */
  medianOfRounds: number;
}

export function summarize(runs: GatewayRun[], kind: GatewayKind): GatewaySummary {
  const mine = runs.filter((r) => r.gateway === kind);
  const m = (pick: (r: GatewayRun) => number) => median(mine.map(pick));
  const sum = (pick: (r: GatewayRun) => number) => mine.reduce((total, r) => total + pick(r), 0);
  return {
    gateway: kind,
    rounds: mine.length,
    rpsMedian: m((r) => r.load.rps),
    latencyMsMedian: { p50: m((r) => r.load.latencyMs.p50), p95: m((r) => r.load.latencyMs.p95), p99: m((r) => r.load.latencyMs.p99) },
    subgraphRequestsPerQuery: m((r) => r.perQuery.requests),
    entityFetchesPerQuery: m((r) => r.perQuery.entityFetches),
    representationsPerQuery: m((r) => r.perQuery.representations),
    cpuMsPerQueryMedian: {
      gateway: m((r) => r.cpuMsPerQuery.gateway),
      subgraphs: m((r) => r.cpuMsPerQuery.subgraphs),
      loadGenerator: m((r) => r.cpuMsPerQuery.loadGenerator),
    },
    peakRssMiBMedian: m((r) => r.gatewayPeakRssMiB),
    otherProcessesCoresMedian: m((r) => r.otherProcessesCores),
    failures: {
      errors: sum((r) => r.load.errors),
      timeouts: sum((r) => r.load.timeouts),
      non2xx: sum((r) => r.load.non2xx),
      mismatches: sum((r) => r.load.mismatches),
    },
  };
}

export function rpsRatio(runs: GatewayRun[], numerator: GatewayKind, denominator: GatewayKind): Ratio | undefined {
  const top = runs.filter((r) => r.gateway === numerator);
  const bottom = runs.filter((r) => r.gateway === denominator);
  if (!top.length || !bottom.length) return undefined;
  const perRound = top.flatMap((t) => bottom.filter((b) => b.round === t.round).map((b) => t.load.rps / b.load.rps));
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return {
    ofMedians: round2(median(top.map((r) => r.load.rps)) / median(bottom.map((r) => r.load.rps))),
    medianOfRounds: round2(median(perRound)),
  };
}

/**
 * Ratio of the median gateway CPU per answered query (denominator's / numerator's: how many times
 * less CPU the numerator needs). Less sensitive than rps to other work on a shared machine.
 */
export function cpuEfficiencyRatio(summaries: GatewaySummary[], numerator: GatewayKind, denominator: GatewayKind): number | undefined {
  const top = summaries.find((s) => s.gateway === numerator);
  const bottom = summaries.find((s) => s.gateway === denominator);
  if (!top || !bottom) return undefined;
  return Math.round((bottom.cpuMsPerQueryMedian.gateway / top.cpuMsPerQueryMedian.gateway) * 100) / 100;
}

/** Runs whose load had errors, timeouts, non-2xx answers or a body different from the verified one. */
export function failedRuns(runs: GatewayRun[]): string[] {
  return runs
    .filter((r) => r.load.errors + r.load.non2xx + r.load.mismatches > 0)
    .map((r) => `${r.gateway} round ${r.round}: ${r.load.errors} errors (${r.load.timeouts} of them timeouts), ${r.load.non2xx} non-2xx, ${r.load.mismatches} bodies different from the verified response`);
}
