import { API_CALLS_METER, monthlyUsageKey, USAGE_RETENTION_MS, utcMonthOf, type CounterStore, type Logger } from '@mosaic/kit';
import type { PlanLimit, PlanLookup } from './plan-limits';

export interface MeteringOptions {
  /** Where counts live: in-process (all-in-one) or Redis (services mode), shared with the plan owner, which reports them. */
  counters: CounterStore;
  lookup: PlanLookup;
  /** How often this process adds its counts to the shared counters (one round trip for every organisation). */
  flushIntervalMs: number;
  /** How long a plan read from its owner is trusted before it is asked again (a plan change shows within this). */
  planTtlMs: number;
  /** After a failed plan lookup, when to try again. */
  retryMs: number;
  now: () => Date;
  log: Logger;
}

export type Admission = { allowed: true } | { allowed: false; plan: PlanLimit & { maxApiCallsPerMonth: number }; period: string; resetsAt: Date };

export interface MeterObserver {
  /** `counted`, `refused`, `unknown_plan` (counted without a limit: the plan could not be read). */
  metered(outcome: 'counted' | 'refused' | 'unknown_plan'): void;
}

interface OrganizationMonth {
  key: string;
  period: string;
  resetsAt: Date;
  /** The shared count as last seen (includes this process's flushed calls). */
  counted: number;
  /** Admitted here, not yet added to the shared count; `inFlight` is being added right now. */
  pending: number;
  inFlight: number;
  /** undefined: never read (tenancy did not answer yet); null: unknown organisation. */
  plan: PlanLimit | null | undefined;
  planCheckedAt: number;
  /** The first sight: plan and count, read once before this organisation's first call is decided. */
  ready: Promise<void> | undefined;
}

/**
 * API calls per organisation per UTC month (issue 17). The hot path is in memory: a call is
 * decided against the shared count as last seen plus this process's unflushed calls, and counted
 * locally; every `flushIntervalMs` all organisations' counts go to the shared counters in one
 * batch, whose answer (every replica's calls) becomes the new "last seen". With several gateway
 * replicas an organisation can therefore pass its limit by what the others admit within one flush
 * interval — the price of not making every call a Redis round trip.
 *
 * When the plan cannot be read (tenancy down, slow) calls are counted but not limited — fail open
 * — until it answers: a plan read once is kept (stale) while its owner is unreachable. Refusing
 * every organisation's API because the plan directory is down would turn one outage into all of
 * them; the calls made meanwhile are counted, so the limit applies again as soon as tenancy answers.
 */
export function createApiMeter(options: MeteringOptions, observer?: MeterObserver) {
  const { counters, log } = options;
  const months = new Map<string, OrganizationMonth>();
  let flushing: Promise<void> | undefined;
  let lastLookupWarning = 0;

  // Plan lookups of one tick go to the owner together.
  let batch: { waiting: Map<string, OrganizationMonth[]>; done: Promise<void> } | undefined;
  const requestPlan = (organizationId: string, month: OrganizationMonth): Promise<void> => {
    month.planCheckedAt = Date.now();
    if (!batch) {
      const waiting = new Map<string, OrganizationMonth[]>();
      const done = new Promise<void>((resolve) =>
        setImmediate(() => {
          batch = undefined;
          void runLookup(waiting).then(resolve);
        }),
      );
      batch = { waiting, done };
    }
    const list = batch.waiting.get(organizationId) ?? [];
    list.push(month);
    batch.waiting.set(organizationId, list);
    return batch.done;
  };
  const runLookup = async (waiting: Map<string, OrganizationMonth[]>) => {
    try {
      const plans = await options.lookup([...waiting.keys()]);
      for (const [id, list] of waiting) for (const month of list) month.plan = plans.get(id) ?? null;
    } catch (error) {
      for (const list of waiting.values()) for (const month of list) month.planCheckedAt = Date.now() - options.planTtlMs + options.retryMs;
      if (Date.now() - lastLookupWarning > 60_000) {
        lastLookupWarning = Date.now();
        log.warn({ err: error }, 'metering: plan lookup failed; counting without limits until it answers (plans read before stay in force)');
      }
    }
  };

  const stateOf = (organizationId: string): OrganizationMonth => {
    const month = utcMonthOf(options.now());
    const key = monthlyUsageKey(API_CALLS_METER, organizationId, month.period);
    let state = months.get(organizationId);
    if (state?.key === key) return state;
    const previous = state;
    state = { key, period: month.period, resetsAt: month.endsAt, counted: 0, pending: 0, inFlight: 0, plan: previous?.plan, planCheckedAt: previous?.planCheckedAt ?? 0, ready: undefined };
    // The old month's last calls still go to the old month's counter.
    if (previous && previous.pending > 0) void counters.add([[previous.key, previous.pending]], ttlFor(previous)).catch(() => {});
    months.set(organizationId, state);
    const fresh = state;
    fresh.ready = Promise.all([
      previous?.plan !== undefined ? Promise.resolve() : requestPlan(organizationId, fresh),
      counters.get([key]).then(
        ([count]) => void (fresh.counted = Math.max(fresh.counted, count ?? 0)),
        (error: unknown) => log.warn({ err: error }, 'metering: reading the count failed; starting from 0 until the next flush'),
      ),
    ]).then(() => void (fresh.ready = undefined));
    return fresh;
  };

  const ttlFor = (month: OrganizationMonth) => month.resetsAt.getTime() + USAGE_RETENTION_MS - options.now().getTime();

  const flush = async (): Promise<void> => {
    if (flushing) return flushing;
    const batch = [...months.values()].filter((month) => month.pending > 0);
    if (batch.length === 0) return;
    for (const month of batch) {
      month.inFlight = month.pending;
      month.pending = 0;
    }
    flushing = (async () => {
      try {
        // One lifetime for the batch: it only applies to a counter's first add, and every counter outlives its month by weeks.
        const counts = await counters.add(batch.map((month) => [month.key, month.inFlight] as const), ttlFor(batch[0]!));
        batch.forEach((month, index) => {
          month.counted = counts[index]!;
          month.inFlight = 0;
        });
      } catch (error) {
        for (const month of batch) {
          month.pending += month.inFlight;
          month.inFlight = 0;
        }
        log.warn({ err: error }, 'metering: adding counts failed; kept for the next flush');
      } finally {
        flushing = undefined;
      }
    })();
    return flushing;
  };
  const timer = setInterval(() => void flush(), options.flushIntervalMs);
  timer.unref();

  return {
    /** Decides one operation of `organizationId` (raw id): counted and allowed, or refused (not counted). */
    async admit(organizationId: string): Promise<Admission> {
      const month = stateOf(organizationId);
      if (month.ready) await month.ready;
      if (Date.now() - month.planCheckedAt > options.planTtlMs) void requestPlan(organizationId, month);
      const limit = month.plan?.maxApiCallsPerMonth ?? null;
      if (month.plan && limit !== null && month.counted + month.inFlight + month.pending >= limit) {
        observer?.metered('refused');
        return { allowed: false, plan: { ...month.plan, maxApiCallsPerMonth: limit }, period: month.period, resetsAt: month.resetsAt };
      }
      month.pending++;
      observer?.metered(month.plan === undefined ? 'unknown_plan' : 'counted');
      return { allowed: true };
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}

export type ApiMeter = ReturnType<typeof createApiMeter>;
