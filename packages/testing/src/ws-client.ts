import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import type { FormattedExecutionResult } from 'graphql';
import WebSocket from 'ws';

/** A real graphql-ws client (the `graphql-ws` package over `ws`), as browsers' libraries use. */
export function wsClient(url: string, token?: string, options: Partial<ClientOptions> = {}): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    ...options,
  });
}

export interface Collected<T = Record<string, any>> {
  results: FormattedExecutionResult<T, unknown>[];
  /** Resolves when the server completes the subscription or it errors. */
  ended: Promise<{ completed: boolean; error?: unknown }>;
  stop(): void;
  /** Resolves once `count` results have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<FormattedExecutionResult<T, unknown>[]>;
}

/** Subscribes and collects every result; `waitFor(n)` for assertions. */
export function collect<T = Record<string, any>>(client: Client, query: string, variables: Record<string, unknown> = {}): Collected<T> {
  const results: FormattedExecutionResult<T, unknown>[] = [];
  const watchers: { count: number; resolve: () => void }[] = [];
  let settle!: (value: { completed: boolean; error?: unknown }) => void;
  const ended = new Promise<{ completed: boolean; error?: unknown }>((resolve) => (settle = resolve));
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        results.push(result);
        for (const watcher of watchers.filter((w) => results.length >= w.count)) watcher.resolve();
      },
      error: (error) => settle({ completed: false, error }),
      complete: () => settle({ completed: true }),
    },
  );
  return {
    results,
    ended,
    stop,
    // A hang guard, not a speed check: with test files running in parallel on two cores, a burst
    // of 50 events once took longer than the 5 s this used to allow.
    waitFor(count, timeoutMs = 15_000) {
      if (results.length >= count) return Promise.resolve(results.slice(0, count));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${results.length} of ${count} results after ${timeoutMs} ms: ${JSON.stringify(results)}`)), timeoutMs);
        watchers.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(results.slice(0, count));
          },
        });
      });
    },
  };
}
