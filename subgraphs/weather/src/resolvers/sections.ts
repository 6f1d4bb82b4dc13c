import type { Cached } from '../domain/forecast/weather-cache';

/** The freshness fields every WeatherSection has. */
export const sectionFields = {
  source: (section: { cached: Cached<unknown> }) => section.cached.source,
  fetchedAt: (section: { cached: Cached<unknown> }) => new Date(section.cached.fetchedAt),
  stale: (section: { cached: Cached<unknown> }) => section.cached.stale,
  ageSeconds: (section: { cached: Cached<unknown> }) => Math.floor(section.cached.ageMs / 1000),
};
