import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<string>();

/** Runs `work` as part of the request `requestId`: everything it starts (SQL included) knows it. */
export const inRequestScope = <T>(requestId: string, work: () => T): T => scope.run(requestId, work);

/**
 * The id of the request the current code runs for, or undefined in background work (timers,
 * relays, feeds) — e.g. to count only the SQL statements an operation caused.
 */
export const currentRequestId = (): string | undefined => scope.getStore();
