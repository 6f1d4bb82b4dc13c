import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { INVITE, startTenancy, type TenancyApp } from './harness';
import { startStripeServer } from './stripe-server';

const SUBSCRIPTION = `query($id: ID!) { organization(id: $id) { plan { code maxMembers } subscription { plan status provider trialEndsAt currentPeriodEnd cancelAtPeriodEnd lastProrationMinor } } }`;
const CHECKOUT = `mutation($o: ID!, $plan: String!) { startCheckout(organizationId: $o, plan: $plan) { url } }`;
const CHANGE = `mutation($o: ID!, $plan: String!) { changePlan(organizationId: $o, plan: $plan) { plan status lastProrationMinor } }`;
const CANCEL = `mutation($o: ID!) { cancelSubscription(organizationId: $o) { plan cancelAtPeriodEnd } }`;
const PORTAL = `mutation($o: ID!) { billingPortalUrl(organizationId: $o) }`;
const unique = () => Math.random().toString(36).slice(2, 10);

describe('offline billing (the default)', () => {
  let app: TenancyApp;
  beforeAll(async () => {
    app = await startTenancy();
  });
  afterAll(() => app.close());

  it('starts a trial at once, lifts the member limit, prorates an upgrade and cancels at period end', async () => {
    const owner = await app.auth.newUser();
    const id = await app.create(owner.token, `Paid ${unique()}`);
    expect((await app.call(CHECKOUT, { o: id, plan: 'team' }, owner.token)).data).toEqual({ startCheckout: { url: null } });
    const trial = (await app.call(SUBSCRIPTION, { id }, owner.token)).data!.organization;
    expect(trial.plan).toEqual({ code: 'team', maxMembers: 25 });
    expect(trial.subscription).toMatchObject({ plan: 'team', status: 'TRIALING', provider: 'offline', cancelAtPeriodEnd: false });
    expect(Date.parse(trial.subscription.trialEndsAt) - Date.now()).toBeGreaterThan(13 * 86_400_000);

    const upgraded = (await app.call(CHANGE, { o: id, plan: 'business' }, owner.token)).data!.changePlan;
    expect(upgraded.plan).toBe('business');
    // Nearly the whole period is left: close to the full difference of 70.00 €, never more.
    expect(Number(upgraded.lastProrationMinor)).toBeGreaterThan(6_900);
    expect(Number(upgraded.lastProrationMinor)).toBeLessThanOrEqual(7_000);
    expect((await app.call(CANCEL, { o: id }, owner.token)).data).toEqual({ cancelSubscription: { plan: 'business', cancelAtPeriodEnd: true } });
    expect((await app.call(PORTAL, { o: id }, owner.token)).data).toEqual({ billingPortalUrl: null });
  });

  it('only owners and billing members manage the plan; bad plans are refused; nothing changes', async () => {
    const owner = await app.auth.newUser();
    const admin = await app.auth.newUser();
    const billing = await app.auth.newUser();
    const id = await app.create(owner.token, `Billing ${unique()}`);
    await app.join(owner.token, id, admin.token, 'ADMIN');
    await app.join(owner.token, id, billing.token, 'BILLING');
    expect(errorCodes(await app.call(CHECKOUT, { o: id, plan: 'team' }, admin.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(CHECKOUT, { o: id, plan: 'platinum' }, billing.token))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await app.call(CHANGE, { o: id, plan: 'business' }, billing.token))).toEqual(['CONFLICT']);
    expect((await app.call(SUBSCRIPTION, { id }, owner.token)).data!.organization.subscription).toBeNull();
    expect((await app.call(CHECKOUT, { o: id, plan: 'team' }, billing.token)).errors).toBeUndefined();
    expect(errorCodes(await app.call(CHECKOUT, { o: id, plan: 'team' }, billing.token))).toEqual(['CONFLICT']);
  });
});

describe('Stripe Billing (against a local server speaking Stripe’s API and webhook format)', () => {
  const secret = `whsec_${unique()}`;
  let stripe: Awaited<ReturnType<typeof startStripeServer>>;
  let app: TenancyApp;
  beforeAll(async () => {
    stripe = await startStripeServer(secret);
    app = await startTenancy({
      BILLING_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_mosaic',
      STRIPE_WEBHOOK_SECRET: secret,
      STRIPE_PRICE_TEAM: 'price_team',
      STRIPE_PRICE_BUSINESS: 'price_business',
      STRIPE_API_URL: stripe.url,
      BILLING_TRIAL_DAYS: '0',
    });
  });
  afterAll(async () => {
    await app.close();
    await stripe.close();
  });

  const post = (body: { payload: string; signature: string | null }) =>
    fetch(`${app.origin}/billing/webhook`, { method: 'POST', body: body.payload, headers: { 'content-type': 'application/json', ...(body.signature ? { 'stripe-signature': body.signature } : {}) } });

  it('checkout, the signed webhook moving the organisation to the paid plan once, dunning, upgrade and the portal', async () => {
    const owner = await app.auth.newUser();
    const id = await app.create(owner.token, `Stripe ${unique()}`);
    // The free plan's member limit first (owner + 2 invitations = 3).
    for (let i = 0; i < 2; i++) await app.call(INVITE, { input: { organizationId: id, email: `s${i}-${unique()}@example.com`, role: 'MEMBER' } }, owner.token);
    const over = await app.call(INVITE, { input: { organizationId: id, email: `over-${unique()}@example.com`, role: 'MEMBER' } }, owner.token);
    expect(over.errors![0]!.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', plan: 'free' });

    const checkout = await app.call(CHECKOUT, { o: id, plan: 'team' }, owner.token);
    expect(checkout.data!.startCheckout.url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
    const sessionRequest = stripe.requests.find((r) => r.path === '/v1/checkout/sessions')!;
    expect(sessionRequest.form.get('line_items[0][price]')).toBe('price_team');
    const customerId = sessionRequest.form.get('customer')!;
    expect(stripe.customers.get(customerId)?.metadata.organization_id).toBeTruthy();

    // The customer pays on Stripe's page; Stripe creates the subscription and posts the event.
    const subscription = stripe.completeCheckout(customerId, 'price_team');
    const created = stripe.webhook('customer.subscription.created', subscription);
    const first = await post(created);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, applied: true });
    const paid = (await app.call(SUBSCRIPTION, { id }, owner.token)).data!.organization;
    expect(paid).toMatchObject({ plan: { code: 'team', maxMembers: 25 }, subscription: { plan: 'team', status: 'ACTIVE', provider: 'stripe' } });
    expect((await app.call(INVITE, { input: { organizationId: id, email: `now-${unique()}@example.com`, role: 'MEMBER' } }, owner.token)).errors).toBeUndefined();

    // Redelivered: applied once only.
    expect(await (await post(created)).json()).toEqual({ received: true, applied: false });

    // Dunning: a failed payment → PAST_DUE (plan still in force); Stripe gives up → UNPAID (free again).
    expect((await post(stripe.webhook('invoice.payment_failed', { object: 'invoice', id: 'in_1', customer: customerId }))).status).toBe(200);
    expect((await app.call(SUBSCRIPTION, { id }, owner.token)).data!.organization).toMatchObject({ plan: { code: 'team' }, subscription: { status: 'PAST_DUE' } });
    subscription.status = 'active';
    await post(stripe.webhook('customer.subscription.updated', subscription));

    const upgraded = await app.call(CHANGE, { o: id, plan: 'business' }, owner.token);
    expect(upgraded.data!.changePlan).toMatchObject({ plan: 'business', status: 'ACTIVE' });
    const update = stripe.requests.filter((r) => r.method === 'POST' && r.path === `/v1/subscriptions/${subscription.id}`).at(-1)!;
    expect(update.form.get('proration_behavior')).toBe('create_prorations');
    expect(update.form.get('items[0][price]')).toBe('price_business');

    expect((await app.call(PORTAL, { o: id }, owner.token)).data!.billingPortalUrl).toMatch(/^https:\/\/billing\.stripe\.test\/p\/session\//);

    subscription.status = 'unpaid';
    await post(stripe.webhook('customer.subscription.updated', subscription));
    expect((await app.call(SUBSCRIPTION, { id }, owner.token)).data!.organization).toMatchObject({ plan: { code: 'free' }, subscription: { status: 'UNPAID' } });
  });

  it('refuses forged, unsigned and foreign-customer webhooks, writing nothing', async () => {
    const before = await app.rows();
    const subscription = stripe.completeCheckout('cus_someone_else', 'price_team');
    const forged = stripe.webhook('customer.subscription.created', subscription, { secret: 'whsec_not_ours' });
    expect((await post(forged)).status).toBe(400);
    expect((await post({ payload: forged.payload, signature: null })).status).toBe(400);
    const foreign = await post(stripe.webhook('customer.subscription.created', subscription));
    expect(foreign.status).toBe(400);
    expect(await foreign.json()).toEqual({ error: 'No organization has this customer.' });
    expect(await app.rows()).toEqual(before);
  });
});
