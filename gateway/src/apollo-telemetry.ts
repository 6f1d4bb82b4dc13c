/**
 * @apollo/gateway 2.14 sends anonymous data about the host (CPU count and frequency, memory,
 * OS, cloud provider read from the instance metadata endpoints) to Apollo's OTLP endpoint every
 * few minutes, unless APOLLO_TELEMETRY_DISABLED is `true` when the gateway is constructed. A
 * self-hosted Mosaic does not report to a third party unless its operator says so
 * (APOLLO_TELEMETRY=on); off, the exporter's dependencies are never loaded either (see
 * patches/@apollo__gateway@2.14.4.patch), ~10 MiB of heap.
 */
export function constructWithApolloTelemetry<T>(enabled: boolean, construct: () => T): T {
  const previous = process.env.APOLLO_TELEMETRY_DISABLED;
  if (!enabled) process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  try {
    return construct();
  } finally {
    if (previous === undefined) delete process.env.APOLLO_TELEMETRY_DISABLED;
    else process.env.APOLLO_TELEMETRY_DISABLED = previous;
  }
}
