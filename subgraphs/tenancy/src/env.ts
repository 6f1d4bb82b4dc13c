import { z } from 'zod';

const optional = z.string().optional().or(z.literal('').transform(() => undefined));

/**
 * TENANCY_MAX_ORGANIZATIONS_PER_USER: how many organisations one user may create (a bound on what
 * one account can store); TENANCY_INVITATION_TTL_HOURS: how long an invitation stays valid;
 * BILLING_PROVIDER: `offline` (default, no network) or `stripe` (then STRIPE_SECRET_KEY,
 * STRIPE_WEBHOOK_SECRET and a STRIPE_PRICE_<PLAN> per paid plan are required); SMTP_URL /
 * MAIL_FROM: where invitation mail goes (unset: the log); TENANCY_INVITATION_URL: the accept page
 * the mailed link opens, with `?token=`.
 */
export const tenancyEnv = z
  .object({
    TENANCY_MAX_ORGANIZATIONS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(100),
    TENANCY_INVITATION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(24 * 7),
    BILLING_PROVIDER: z.enum(['offline', 'stripe']).default('offline'),
    BILLING_TRIAL_DAYS: z.coerce.number().int().min(0).max(90).default(14),
    BILLING_RETURN_URL: z.string().url().default('http://localhost:4000/'),
    STRIPE_SECRET_KEY: optional,
    STRIPE_WEBHOOK_SECRET: optional,
    STRIPE_PRICE_TEAM: optional,
    STRIPE_PRICE_BUSINESS: optional,
    STRIPE_API_URL: z.string().url().default('https://api.stripe.com'),
    SMTP_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
    MAIL_FROM: z.string().min(3).default('Mosaic <no-reply@mosaic.invalid>'),
    TENANCY_INVITATION_URL: z.string().url().default('http://localhost:4000/app/invitations/accept'),
  })
  .superRefine((e, ctx) => {
    if (e.BILLING_PROVIDER !== 'stripe') return;
    for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_PRICE_TEAM', 'STRIPE_PRICE_BUSINESS'] as const) {
      if (!e[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'required when BILLING_PROVIDER=stripe' });
    }
  })
  .transform((e) => ({
    maxOrganizationsPerUser: e.TENANCY_MAX_ORGANIZATIONS_PER_USER,
    invitationTtlMs: e.TENANCY_INVITATION_TTL_HOURS * 3_600_000,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, invitationUrl: e.TENANCY_INVITATION_URL },
    billing: {
      trialDays: e.BILLING_TRIAL_DAYS,
      returnUrl: e.BILLING_RETURN_URL,
      provider:
        e.BILLING_PROVIDER === 'stripe'
          ? ({
              kind: 'stripe',
              secretKey: e.STRIPE_SECRET_KEY!,
              webhookSecret: e.STRIPE_WEBHOOK_SECRET!,
              prices: { team: e.STRIPE_PRICE_TEAM!, business: e.STRIPE_PRICE_BUSINESS! },
              apiUrl: e.STRIPE_API_URL,
            } as const)
          : ({ kind: 'offline' } as const),
    },
  }));

export type TenancySettings = z.output<typeof tenancyEnv>;
