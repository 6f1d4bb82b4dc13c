import { z } from 'zod';
import { dayInput } from './days';
import { positiveMoney } from './money';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).transform((value) => (value === '' ? null : value));
const tag = z.string().trim().toLowerCase().min(1, 'must not be empty').max(50, 'must be at most 50 characters');

export const splitInput = z.object({ categoryId: z.string().nullish(), amount: positiveMoney, notes: text(500).nullish() });

/** A `TransactionInput` with ids still public (decoded with their field names by the domain). */
export const transactionInput = z.object({
  kind: z.enum(['INCOME', 'EXPENSE', 'TRANSFER']).transform((k) => k.toLowerCase() as 'income' | 'expense' | 'transfer'),
  accountId: z.string(),
  amount: positiveMoney,
  toAccountId: z.string().nullish(),
  toAmount: positiveMoney.nullish(),
  occurredOn: dayInput,
  payee: text(200).nullish(),
  notes: text(2000).nullish(),
  tags: z
    .array(tag)
    .max(20, 'at most 20 tags')
    .nullish()
    .transform((tags) => [...new Set(tags ?? [])]),
  categoryId: z.string().nullish(),
  splits: z.array(splitInput).min(2, 'a split transaction has at least 2 parts (use categoryId for one)').max(50, 'at most 50 parts').nullish(),
});

export type TransactionValues = z.output<typeof transactionInput>;
