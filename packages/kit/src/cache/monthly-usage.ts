/**
 * Usage metered per subject per calendar month (UTC): the key a meter counts under, shared by
 * whoever counts (the gateway) and whoever reports (the subgraph owning the subject), so both name
 * the same counter in `CacheStores.counters(USAGE_NAMESPACE)`.
 */
export interface UtcMonth {
  /** `YYYY-MM`. */
  period: string;
  startsAt: Date;
  endsAt: Date;
}

export function utcMonthOf(at: Date): UtcMonth {
  const startsAt = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const endsAt = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  return { period: startsAt.toISOString().slice(0, 7), startsAt, endsAt };
}

/** E.g. `api-calls:<subject>:2026-12`. */
export function monthlyUsageKey(meter: string, subject: string, period: string): string {
  return `${meter}:${subject}:${period}`;
}

/** Counters outlive their month by this much, so last month's usage stays readable. */
/** The `CacheStores.counters` namespace usage meters count in. */
export const USAGE_NAMESPACE = 'usage';

export const USAGE_RETENTION_MS = 40 * 24 * 3_600_000;

/** The gateway's meter of GraphQL operations per organisation (gateway/src/metering; tenancy reports it as `Organization.usage`). */
export const API_CALLS_METER = 'api-calls';
