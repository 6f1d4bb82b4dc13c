import { describe, expect, it } from 'vitest';
import { constructWithApolloTelemetry } from '../src/apollo-telemetry';
import { packagesLoadedBy } from './fresh-process';

/** Which of Apollo's data-collection modules constructing a gateway loads. */
const dataCollectionModulesLoaded = (telemetryDisabled: boolean): string[] =>
  packagesLoadedBy(
    `const { ApolloGateway } = require('@apollo/gateway');
     new ApolloGateway({ supergraphSdl: 'unused until load()' });`,
    /(@opentelemetry[\\/](?:sdk-metrics|exporter-metrics-otlp-http|resource-detector-|semantic-conventions)[^\\/]*|make-fetch-happen)/,
    { APOLLO_TELEMETRY_DISABLED: telemetryDisabled ? 'true' : 'false' },
  );

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
