import { ConflictError, ForbiddenError, refreshLoaders, UserInputError, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import { findSubscription, setPlanInForce, upsertSubscription } from '../data/billing-repo';
import { countMembers } from '../data/memberships-repo';
import type { SubscriptionRow } from '../data/tables';
import type { ProviderSubscription } from '../providers/billing/billing-provider';
import { lockForChange } from './member-guards';
import { announcePlan } from './membership-changes';
import { assertMemberQuota, PAID_PLANS, planOf, prorationMinor } from './plans';
import { requireMembership } from './organizations';

type BillingContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'billing' | 'settings' | 'events'>;

/** Statuses in which the subscription's plan is in force; dunning (past_due) keeps it while retries run. */
const IN_FORCE = new Set(['trialing', 'active', 'past_due']);

export const planInForce = (subscription: Pick<SubscriptionRow, 'plan' | 'status'>): string => (IN_FORCE.has(subscription.status) ? subscription.plan : 'free');

/** Owners and billing members manage money; FORBIDDEN for others (admins included). */
function assertBillingManager(role: string): void {
  if (role !== 'owner' && role !== 'billing') throw new ForbiddenError('Only owners and billing members of this organization can manage its plan.');
}

function paidPlan(plan: string): string {
  if (!PAID_PLANS.includes(plan)) throw new UserInputError(`plan must be one of ${PAID_PLANS.join(', ')}.`, 'plan');
  return plan;
}

/** Stores the provider's view of the subscription and puts its plan in force (or free, once it lapsed), announcing a change. */
export async function applySubscription(ctx: Pick<Context, 'events' | 'now'>, tx: Db, organizationId: string, provider: string, state: ProviderSubscription, now: Date, proration: bigint | null = null): Promise<SubscriptionRow> {
  const row = await upsertSubscription(tx, { organizationId, provider, ...state, lastProrationMinor: proration, updatedAt: now });
  const plan = planInForce(row);
  if (await setPlanInForce(tx, organizationId, plan)) await announcePlan(ctx, tx, organizationId, plan);
  return row;
}

/** `Organization.subscription`: owners, admins and billing members see it; null on the free plan without one. */
export async function subscriptionOf(ctx: Pick<Context, 'auth' | 'loaders' | 'db'>, organizationId: string): Promise<SubscriptionRow | null> {
  const membership = await requireMembership(ctx, organizationId);
  if (membership.role === 'member') throw new ForbiddenError('Only owners, admins and billing members see the subscription.');
  return (await findSubscription(ctx.db, organizationId)) ?? null;
}

/**
 * Starts a paid plan. With Stripe: a customer (once), then a hosted checkout page whose URL is
 * returned — the subscription arrives by webhook. Offline: the subscription starts at once, in its trial.
 */
export async function startCheckout(ctx: BillingContext, organizationId: string, plan: string): Promise<{ url: string | null }> {
  const userId = ctx.auth.require('tenancy:write').userId;
  paidPlan(plan);
  const result = await ctx.db.transaction(async (tx) => {
    const { organization, actor } = await lockForChange(tx, organizationId, userId);
    assertBillingManager(actor.role);
    const existing = await findSubscription(tx, organizationId);
    if (existing?.subscriptionId && existing.status !== 'canceled') throw new ConflictError('This organization already has a subscription; use changePlan or cancelSubscription.');
    const customerId = existing?.customerId ?? (await ctx.billing.createCustomer(organization));
    const now = ctx.now();
    if (!existing) {
      await upsertSubscription(tx, { organizationId, provider: ctx.billing.name, customerId, subscriptionId: null, plan, status: 'incomplete', trialEndsAt: null, currentPeriodStart: null, currentPeriodEnd: null, cancelAtPeriodEnd: false, lastProrationMinor: null, updatedAt: now });
    }
    const { returnUrl, trialDays } = ctx.settings.billing;
    const checkout = await ctx.billing.checkout({ customerId, organizationId, plan, trialDays: existing ? 0 : trialDays, successUrl: returnUrl, cancelUrl: returnUrl });
    if ('url' in checkout) return { url: checkout.url };
    await applySubscription(ctx, tx, organizationId, ctx.billing.name, checkout.subscription, now);
    return { url: null };
  });
  refreshLoaders(ctx.loaders);
  return result;
}

/** Upgrades or downgrades now, with proration; a downgrade below the members already there is refused. */
export async function changePlan(ctx: BillingContext, organizationId: string, plan: string): Promise<SubscriptionRow> {
  const userId = ctx.auth.require('tenancy:write').userId;
  paidPlan(plan);
  const row = await ctx.db.transaction(async (tx) => {
    const { actor } = await lockForChange(tx, organizationId, userId);
    assertBillingManager(actor.role);
    const current = await findSubscription(tx, organizationId);
    if (!current?.subscriptionId || !IN_FORCE.has(current.status)) throw new ConflictError('This organization has no subscription to change; start one with startCheckout.');
    if (current.plan === plan) return current;
    assertMemberQuota(plan, await countMembers(tx, organizationId));
    const now = ctx.now();
    const state = await ctx.billing.changePlan({ ...current, subscriptionId: current.subscriptionId, status: current.status as ProviderSubscription['status'] }, plan);
    const proration = current.currentPeriodStart && current.currentPeriodEnd ? prorationMinor(planOf(current.plan), planOf(plan), current.currentPeriodStart, current.currentPeriodEnd, now) : null;
    return applySubscription(ctx, tx, organizationId, ctx.billing.name, state, now, proration);
  });
  refreshLoaders(ctx.loaders);
  return row;
}

/** Cancels at the end of the period: the plan stays in force until then, then the free plan applies. */
export async function cancelSubscription(ctx: BillingContext, organizationId: string): Promise<SubscriptionRow> {
  const userId = ctx.auth.require('tenancy:write').userId;
  const row = await ctx.db.transaction(async (tx) => {
    const { actor } = await lockForChange(tx, organizationId, userId);
    assertBillingManager(actor.role);
    const current = await findSubscription(tx, organizationId);
    if (!current?.subscriptionId || !IN_FORCE.has(current.status)) throw new ConflictError('This organization has no subscription to cancel.');
    if (current.cancelAtPeriodEnd) return current;
    const state = await ctx.billing.cancelAtPeriodEnd({ ...current, subscriptionId: current.subscriptionId, status: current.status as ProviderSubscription['status'] });
    return applySubscription(ctx, tx, organizationId, ctx.billing.name, state, ctx.now(), current.lastProrationMinor);
  });
  refreshLoaders(ctx.loaders);
  return row;
}

/** The provider's customer portal (invoices, payment methods); null offline. */
export async function billingPortalUrl(ctx: BillingContext, organizationId: string): Promise<string | null> {
  ctx.auth.require('tenancy:write');
  const membership = await requireMembership(ctx, organizationId);
  assertBillingManager(membership.role);
  const current = await findSubscription(ctx.db, organizationId);
  if (!current) throw new ConflictError('This organization has no billing account yet; start a plan with startCheckout.');
  return ctx.billing.portalUrl(current.customerId, ctx.settings.billing.returnUrl);
}
