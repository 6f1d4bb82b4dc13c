import { z } from 'zod';
import { DEFAULT_BLEND } from './model/score';

/**
 * RECOMMENDATIONS_RETRAIN_MINUTES: full retraining interval (0 turns the schedule off) ·
 * RECOMMENDATIONS_HALF_LIFE_DAYS: an interaction this old counts half · RECOMMENDATIONS_WINDOW_DAYS:
 * behaviour older than this is not learned from · RECOMMENDATIONS_MAX_PER_MINUTE: interactions one
 * user may record per minute (more are refused and never learned from) · RECOMMENDATIONS_FACTORS /
 * RECOMMENDATIONS_ITERATIONS: the factorisation's size and ALS iterations.
 */
export const recommendationsEnv = z
  .object({
    RECOMMENDATIONS_RETRAIN_MINUTES: z.coerce.number().min(0).max(10_080).default(60),
    RECOMMENDATIONS_HALF_LIFE_DAYS: z.coerce.number().positive().max(3650).default(30),
    RECOMMENDATIONS_WINDOW_DAYS: z.coerce.number().int().positive().max(3650).default(365),
    RECOMMENDATIONS_MAX_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(60),
    RECOMMENDATIONS_FACTORS: z.coerce.number().int().min(2).max(256).default(24),
    RECOMMENDATIONS_ITERATIONS: z.coerce.number().int().min(1).max(100).default(10),
  })
  .transform((e) => ({
    retrainMinutes: e.RECOMMENDATIONS_RETRAIN_MINUTES,
    halfLifeDays: e.RECOMMENDATIONS_HALF_LIFE_DAYS,
    windowDays: e.RECOMMENDATIONS_WINDOW_DAYS,
    maxPerMinute: e.RECOMMENDATIONS_MAX_PER_MINUTE,
    factors: e.RECOMMENDATIONS_FACTORS,
    iterations: e.RECOMMENDATIONS_ITERATIONS,
    blend: DEFAULT_BLEND,
  }));

export type RecommendationsSettings = z.output<typeof recommendationsEnv>;
