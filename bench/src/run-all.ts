/** `pnpm bench`: every benchmark in turn; each saves its result under bench/results/. */
await import('./cold-start');
await import('./me-throughput');
await import('./links-redirects');
await import('./weather-cache');
export {};
