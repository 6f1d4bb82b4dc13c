import { sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { transactions, transactionSplits } from './tables';

export interface Conversion {
  id: string;
  baseAmount: bigint;
  rate: string;
  rateDay: string;
  source: string;
}

/**
 * New base-currency conversions for many transactions, then every split of them gets its share:
 * floor(base × part / amount), the remainder on the first part — the rule `splitShares` applies
 * when a transaction is written, so a transaction's parts always add up to its base amount.
 */
export async function writeConversions(tx: Db, ownerId: string, baseCurrency: string, conversions: readonly Conversion[]): Promise<void> {
  for (let i = 0; i < conversions.length; i += 1_000) {
    const values = sql.join(
      conversions.slice(i, i + 1_000).map((c) => sql`(${c.id}::uuid, ${c.baseAmount.toString()}::bigint, ${c.rate}::numeric, ${c.rateDay}::date, ${c.source})`),
      sql`, `,
    );
    await tx.execute(sql`update ${transactions} t set base_currency = ${baseCurrency}, base_amount = v.base_amount, fx_rate = v.rate, fx_rate_date = v.rate_day, fx_source = v.source
      from (values ${values}) as v(id, base_amount, rate, rate_day, source) where t.id = v.id`);
  }
  await tx.execute(sql`update ${transactionSplits} s set base_amount = x.share from (
      select s.id, (t.base_amount * s.amount / t.amount)
        + case when s.position = 0 then t.base_amount - sum(t.base_amount * s.amount / t.amount) over (partition by s.transaction_id) else 0 end as share
      from ${transactionSplits} s join ${transactions} t on t.id = s.transaction_id where t.owner_id = ${ownerId}
    ) x where s.id = x.id`);
}
