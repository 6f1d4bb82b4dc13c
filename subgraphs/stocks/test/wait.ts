/** Polls until `condition` holds (for state that settles asynchronously, e.g. after a pub/sub message). */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** graphql-ws lives on the same path as HTTP GraphQL. */
export const wsUrl = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');
