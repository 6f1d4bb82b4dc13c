import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { constructWithApolloTelemetry } from '../src/apollo-telemetry';

/** In a fresh Node process (this one's module cache is shared): which of Apollo's data-collection modules constructing a gateway loads. */
function dataCollectionModulesLoaded(telemetryDisabled: boolean): string[] {
  const script = `
    const { ApolloGateway } = require('@apollo/gateway');
    new ApolloGateway({ supergraphSdl: 'unused until load()' });
    const loaded = Object.keys(require.cache).filter((path) => /@opentelemetry[\\\\/](sdk-metrics|exporter-metrics-otlp-http|resource-detector-|semantic-conventions)|make-fetch-happen/.test(path));
    console.log(JSON.stringify([...new Set(loaded.map((path) => /(@opentelemetry[\\\\/][^\\\\/]+|make-fetch-happen)/.exec(path)[1]))]));
    process.exit(0);
  `;
  const output = execFileSync(process.execPath, ['-e', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: telemetryDisabled ? 'true' : 'false' },
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[];
}

describe("Apollo's anonymous data collection", () => {
  it('is off while the gateway is constructed unless asked for, and the environment is left as it was', () => {
    const seen = (enabled: boolean) => constructWithApolloTelemetry(enabled, () => process.env.APOLLO_TELEMETRY_DISABLED);
    const before = process.env.APOLLO_TELEMETRY_DISABLED;
    expect(seen(false)).toBe('true');
    expect(seen(true)).toBe(before);
    expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe(before);
  });

  it('off, loads none of its exporter modules (the @apollo/gateway patch); on, Apollo loads them as before', () => {
    expect(dataCollectionModulesLoaded(true)).toEqual([]);
    expect(dataCollectionModulesLoaded(false)).toEqual(expect.arrayContaining(['@opentelemetry/sdk-metrics', '@opentelemetry/exporter-metrics-otlp-http']));
  });
});
