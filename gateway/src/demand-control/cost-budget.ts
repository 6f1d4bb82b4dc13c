/**
 * Cost units per client per fixed window, in this process (all-in-one, or one gateway replica:
 * with several replicas each keeps its own count; a shared Redis budget is not built yet).
 */
export interface CostBudget {
  /** Spends `cost` from `key`'s budget if it fits; otherwise spends nothing. */
  spend(key: string, cost: number): { allowed: boolean; remaining: number; resetSeconds: number };
  close(): void;
}

export function createMemoryCostBudget(budget: number, windowSeconds: number): CostBudget {
  const windows = new Map<string, { spent: number; endsAt: number }>();
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, window] of windows) if (window.endsAt <= now) windows.delete(key);
  }, 10_000);
  sweep.unref();
  return {
    spend(key, cost) {
      const now = Date.now();
      let window = windows.get(key);
      if (!window || window.endsAt <= now) windows.set(key, (window = { spent: 0, endsAt: now + windowSeconds * 1000 }));
      const resetSeconds = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
      if (window.spent + cost > budget) return { allowed: false, remaining: budget - window.spent, resetSeconds };
      window.spent += cost;
      return { allowed: true, remaining: budget - window.spent, resetSeconds };
    },
    close: () => clearInterval(sweep),
  };
}
