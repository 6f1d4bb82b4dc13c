import { ProviderError } from '../weather-provider';

export interface RetryPolicy {
  timeoutMs: number;
  /** Retries after the first attempt, for timeouts, network errors, 5xx and 429. */
  retries: number;
  /** Base of the exponential back-off (full jitter: a random wait up to base × 2^attempt). */
  backoffMs: number;
  /** A 429 asking to wait longer than this fails at once (a stale answer beats a long wait). */
  maxRetryAfterMs: number;
}

const BODY_MAX = 4 * 1024 * 1024;

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the provider's error body (`reason` for Open-Meteo, `message` for OpenWeatherMap) for the log line. */
async function reasonOf(response: Response): Promise<string> {
  const text = (await response.text().catch(() => '')).slice(0, 300);
  try {
    const body = JSON.parse(text) as { reason?: unknown; message?: unknown };
    return String(body.reason ?? body.message ?? text);
  } catch {
    return text;
  }
}

async function attempt(url: URL, timeoutMs: number, label: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new ProviderError(timedOut ? 'timeout' : 'network', `${label}: ${timedOut ? `no answer within ${timeoutMs} ms` : (error as Error).message}`);
  }
  if (response.status === 429) {
    const wait = retryAfterMs(response.headers.get('retry-after'));
    throw new ProviderError('rate-limited', `${label}: rate limited (HTTP 429) ${await reasonOf(response)}`, wait);
  }
  if (response.status >= 500) throw new ProviderError('server', `${label}: HTTP ${response.status} ${await reasonOf(response)}`);
  if (!response.ok) throw new ProviderError('refused', `${label}: HTTP ${response.status} ${await reasonOf(response)}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > BODY_MAX) throw new ProviderError('malformed', `${label}: a ${length}-byte answer is not a forecast`);
  const text = await response.text().catch((error: Error) => {
    throw new ProviderError(error.name === 'TimeoutError' ? 'timeout' : 'network', `${label}: ${error.message}`);
  });
  try {
    return JSON.parse(text);
  } catch {
    throw new ProviderError('malformed', `${label}: the answer is not JSON`);
  }
}

/**
 * GET a provider's JSON with a timeout per attempt, retrying what may pass (timeouts, network
 * errors, 5xx, 429 — after its `Retry-After` when it gives one) with jittered exponential back-off.
 * A 4xx other than 429 is the provider refusing the request: not retried.
 */
export async function fetchJson(url: URL, policy: RetryPolicy, label: string): Promise<unknown> {
  for (let tried = 0; ; tried++) {
    try {
      return await attempt(url, policy.timeoutMs, label);
    } catch (error) {
      if (!(error instanceof ProviderError) || error.failure === 'refused' || error.failure === 'malformed' || tried >= policy.retries) throw error;
      if (error.failure === 'rate-limited' && error.retryAfterMs !== undefined) {
        if (error.retryAfterMs > policy.maxRetryAfterMs) throw error;
        await sleep(error.retryAfterMs);
      } else {
        await sleep(Math.random() * policy.backoffMs * 2 ** tried);
      }
    }
  }
}
