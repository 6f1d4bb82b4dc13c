import type { Collected } from '@mosaic/testing';

/**
 * The first result from index `from` on that satisfies `matches`, awaited event by event (no
 * polling, no sleeps); with its index, to continue from there.
 */
export async function nextMatching<T>(stream: Collected<T>, matches: (data: T) => boolean, from = 0, timeoutMs = 20_000): Promise<{ data: T; index: number }> {
  for (let index = from; ; index++) {
    const result = (await stream.waitFor(index + 1, timeoutMs))[index]!;
    if (result.data && matches(result.data)) return { data: result.data, index };
  }
}
