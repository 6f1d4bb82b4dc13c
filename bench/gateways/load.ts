import autocannon from 'autocannon';
import { SCENARIOS, type Scenario } from './scenarios';

export interface LoadResult {
  durationSeconds: number;
  /** Every response received (good or not). */
  responses: number;
  /** 2xx responses (with `expectBody`: also byte-equal to it). Only these count as throughput. */
  goodResponses: number;
  /** Good responses per second. */
  rps: number;
  /** Of 2xx responses only (a fast rejection is not a fast answer). */
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Connection errors, timeouts included (REQUEST_TIMEOUT_SECONDS). */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Responses whose body was not byte-equal to `expectBody` (non-2xx ones included). */
  mismatches: number;
}

/**
 * How long one answer may take before it counts as an error: autocannon's 10 s default cut off
 * the slowest answers of the slower gateways on a slow machine (p99 ~9 s at ~20 rps with 50
 * connections), which made their runs fail without any answer being wrong.
 */
const REQUEST_TIMEOUT_SECONDS = 30;

/**
 * Sends the benchmark query from `connections` keep-alive connections for `durationSeconds`
 * (autocannon, closed loop: each connection sends its next request when the previous one is
 * answered). Latency percentiles come from every 2xx response's own time (autocannon reports
 * no p95). With `expectBody`, every response body is compared with it.
 */
export async function runLoad(url: string, options: { connections: number; durationSeconds: number; expectBody?: string; scenario?: Scenario }): Promise<LoadResult> {
  const latencies: number[] = [];
  const scenario = options.scenario ?? SCENARIOS.shared;
  // Request numbers start high so that no load request repeats the probe requests' variables.
  let sent = 1_000_000;
  // autocannon refuses `expectBody` together with `requests`: a varying request checks its own body.
  let ownMismatches = 0;
  const varying = scenario.name !== 'shared';
  const checkBody = (status: number, body: string) => {
    if (status < 200 || status >= 300 || (options.expectBody !== undefined && body !== options.expectBody)) ownMismatches++;
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: scenario.body(0),
        ...(varying ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, body: scenario.body(sent++) }), onResponse: checkBody }] } : {}),
        connections: options.connections,
        timeout: REQUEST_TIMEOUT_SECONDS,
        duration: options.durationSeconds,
        ...(options.expectBody !== undefined && !varying ? { expectBody: options.expectBody } : {}),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
  const mismatches = varying ? ownMismatches : ((result as { mismatches?: number }).mismatches ?? 0);
  const goodResponses = result.requests.total - (options.expectBody !== undefined || varying ? mismatches : result.non2xx);
  return {
    durationSeconds: result.duration,
    responses: result.requests.total,
    goodResponses,
    rps: round(goodResponses / result.duration),
    latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(latencies.at(-1) ?? NaN) },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
