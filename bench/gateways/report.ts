import type { GatewayRun } from './measure-gateway';
import type { GatewaySummary, Ratio } from './summarize';
import { GATEWAY_LABELS } from './topology';

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`);

/** Markdown: one line per round and gateway (in the order they ran). */
export function roundsTable(runs: GatewayRun[]): string {
  return [
    row(['round', 'gateway', 'rps', 'p50', 'p95', 'p99', 'errors (timeouts) / non-2xx / wrong bodies', 'gateway CPU ms/query', 'gateway peak RSS MiB', 'other processes (cores busy)']),
    row(['---:', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...runs.map((r) =>
      row([
        r.round,
        r.gateway,
        r.load.rps,
        ms(r.load.latencyMs.p50),
        ms(r.load.latencyMs.p95),
        ms(r.load.latencyMs.p99),
        `${r.load.errors} (${r.load.timeouts}) / ${r.load.non2xx} / ${r.load.mismatches}`,
        r.cpuMsPerQuery.gateway,
        r.gatewayPeakRssMiB,
        r.otherProcessesCores,
      ]),
    ),
  ].join('\n');
}

/** Markdown: medians per gateway, with subgraph traffic per query. */
export function summaryTable(summaries: GatewaySummary[]): string {
  return [
    row(['gateway', 'rps (median)', 'p50', 'p95', 'p99', 'subgraph requests/query', '`_entities` representations/query', 'gateway CPU ms/query', 'subgraph CPU ms/query', 'gateway peak RSS MiB', 'errors (timeouts) / non-2xx / wrong bodies']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...summaries.map((s) =>
      row([
        GATEWAY_LABELS[s.gateway],
        s.rpsMedian,
        ms(s.latencyMsMedian.p50),
        ms(s.latencyMsMedian.p95),
        ms(s.latencyMsMedian.p99),
        s.subgraphRequestsPerQuery,
        s.representationsPerQuery,
        s.cpuMsPerQueryMedian.gateway,
        s.cpuMsPerQueryMedian.subgraphs,
        s.peakRssMiBMedian,
        `${s.failures.errors} (${s.failures.timeouts}) / ${s.failures.non2xx} / ${s.failures.mismatches}`,
      ]),
    ),
  ].join('\n');
}

export function ratioLine(name: string, ratio: Ratio | undefined): string {
  return ratio ? `- ${name}: ${ratio.ofMedians}× (ratio of median rps), ${ratio.medianOfRounds}× (median of per-round ratios)` : `- ${name}: not measured`;
}
