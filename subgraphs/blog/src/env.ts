import { z } from 'zod';

/** Blog's own variables (README: Configuration). Defaults suit a local `pnpm start`. */
export const blogEnv = z
  .object({
    /** Origin the feeds and post pages are served at (the gateway's, or the ingress host). */
    BLOG_PUBLIC_URL: z.url().default('http://localhost:4000'),
    BLOG_TITLE: z.string().min(1).default('Mosaic blog'),
    /** `required`: readers' comments wait for an editor; `none`: they appear at once. */
    BLOG_COMMENT_APPROVAL: z.enum(['required', 'none']).default('required'),
    BLOG_COMMENT_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(5),
    BLOG_COMMENT_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    /** How often each replica looks for scheduled posts that are due. */
    BLOG_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(5_000),
    BLOG_FEED_SIZE: z.coerce.number().int().min(1).max(100).default(20),
  })
  .transform((e) => ({
    publicUrl: e.BLOG_PUBLIC_URL.replace(/\/+$/, ''),
    title: e.BLOG_TITLE,
    commentApproval: e.BLOG_COMMENT_APPROVAL,
    commentRateLimit: { count: e.BLOG_COMMENT_RATE_LIMIT, windowSeconds: e.BLOG_COMMENT_RATE_WINDOW_SECONDS },
    schedulerIntervalMs: e.BLOG_SCHEDULER_INTERVAL_MS,
    feedSize: e.BLOG_FEED_SIZE,
  }));

export type BlogSettings = z.output<typeof blogEnv>;
