import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEcbXml } from '../src/providers/rates/ecb/ecb-xml';
import { startFakeEcb } from './fake-ecb';
import { CREATE_TRANSACTION, newHousehold, startExpenses, type Expenses } from './harness';

/** Days relative to today, so the provider picks the 90-day file for recent ones and the history for old ones. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const friday = (() => {
  const d = new Date(Date.now() - 20 * 86_400_000);
  while (d.getUTCDay() !== 5) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
})();
const saturday = new Date(new Date(`${friday}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
const old = '2020-03-02';

let ecb: Awaited<ReturnType<typeof startFakeEcb>>;
let app: Expenses;
beforeAll(async () => {
  ecb = await startFakeEcb({ [friday]: { USD: '1.1000', JPY: '160.00', GBP: '0.8500' }, [daysAgo(3)]: { USD: '1.2000', JPY: '150.00', GBP: '0.8000' }, [old]: { USD: '1.1156', JPY: '120.5' } });
  app = await startExpenses({ EXPENSES_RATES_PROVIDER: 'ecb', EXPENSES_ECB_URL: ecb.url });
});
afterAll(async () => {
  await app.close();
  await ecb.close();
});

describe('ECB reference rates', () => {
  it('parses the documented XML (namespaces, single quotes, newest first)', async () => {
    const response = await fetch(`${ecb.url}/eurofxref-hist.xml`);
    const days = parseEcbXml(await response.text());
    expect(days.map((d) => d.day)).toEqual([daysAgo(3), friday, old]);
    expect(days[1]!.perEur.get('USD')).toBe('1.1000');
    expect(() => parseEcbXml('<gesmes:Envelope xmlns:gesmes="x"><Cube/></gesmes:Envelope>')).toThrow(/no reference rates/);
  });

  it('converts at the last reference day on or before the date, caches what the ECB sent, stores the rate used', async () => {
    const h = await newHousehold(app);
    const usd = await h.account('US', 'BANK', 'USD');
    const before = ecb.requests.length;
    const weekend = await h.transaction({ kind: 'EXPENSE', accountId: usd, amount: '1100', occurredOn: saturday });
    expect(weekend).toMatchObject({ baseAmount: '1000', conversion: { from: 'USD', to: 'EUR', rateDate: friday, source: 'ecb' } });
    expect(Number((weekend.conversion as { rate: string }).rate)).toBeCloseTo(1 / 1.1, 9);
    expect(ecb.requests.slice(before)).toEqual(['/eurofxref-hist-90d.xml']);
    await h.transaction({ kind: 'EXPENSE', accountId: usd, amount: '1200', occurredOn: daysAgo(3) });
    expect(ecb.requests.length).toBe(before + 1);
    const historic = await h.transaction({ kind: 'INCOME', accountId: usd, amount: '11156', occurredOn: old });
    expect(historic).toMatchObject({ baseAmount: '10000', conversion: { rateDate: old } });
    expect(ecb.requests.slice(before + 1)).toEqual(['/eurofxref-hist.xml']);
  });

  it('re-converts every transaction when the base currency changes', async () => {
    const h = await newHousehold(app);
    const eur = await h.account('Euro', 'BANK', 'EUR');
    const jpy = await h.account('Yen', 'CASH', 'JPY');
    const food = await h.category('Food');
    await h.transaction({ kind: 'EXPENSE', accountId: eur, amount: '1000', occurredOn: friday, splits: [{ categoryId: food, amount: '333' }, { amount: '667' }] });
    await h.transaction({ kind: 'EXPENSE', accountId: jpy, amount: '1600', occurredOn: friday });
    const set = await app.ok(`mutation { setBaseCurrency(currency: "usd") { baseCurrency } }`, {}, h.user.token);
    expect(set.setBaseCurrency).toEqual({ baseCurrency: 'USD' });
    const list = await app.ok(`{ moneyTransactions { edges { node { amount currency baseAmount conversion { to rate } splits { baseAmount } } } } }`, {}, h.user.token);
    const nodes = (list.moneyTransactions as { edges: { node: { currency: string; baseAmount: string; conversion: { to: string; rate: string }; splits: { baseAmount: string }[] } }[] }).edges.map((e) => e.node);
    const byCurrency = Object.fromEntries(nodes.map((n) => [n.currency, n]));
    // 10.00 EUR at 1.1 USD/EUR = 11.00 USD; 1600 JPY at 1.1/160 = 11.00 USD.
    expect(byCurrency.EUR).toMatchObject({ baseAmount: '1100', conversion: { to: 'USD', rate: '1.1' } });
    expect(byCurrency.JPY).toMatchObject({ baseAmount: '1100' });
    expect(byCurrency.EUR!.splits.reduce((sum, s) => sum + Number(s.baseAmount), 0)).toBe(1100);
  });

  it('answers UNAVAILABLE when the ECB cannot be reached, and writes nothing', async () => {
    const h = await newHousehold(app);
    const gbp = await h.account('Pounds', 'BANK', 'GBP');
    ecb.fail(true);
    try {
      const before = await app.transactionCount();
      const result = await app.call(CREATE_TRANSACTION, { input: { kind: 'EXPENSE', accountId: gbp, amount: '100', occurredOn: '2021-06-01' } }, h.user.token);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE', provider: 'ecb' });
      expect(await app.transactionCount()).toBe(before);
    } finally {
      ecb.fail(false);
    }
  });
});
