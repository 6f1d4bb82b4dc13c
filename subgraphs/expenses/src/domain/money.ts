import { z } from 'zod';

/** The largest amount one transaction may carry: far beyond a household's, well inside bigint columns. */
export const MAX_AMOUNT = 10n ** 15n;

/**
 * A `Money` input: integer minor units as a string or a JSON integer (the scalar passes it on as
 * text). A fraction of a minor unit, a float or a non-number is refused with a message that says
 * what a valid amount looks like.
 */
export const moneyInput = z.string().transform((text, ctx): bigint => {
  const value = text.trim();
  if (/^-?\d+\.\d+$/.test(value) || /^-?\d+(\.\d+)?e-?\d+$/i.test(value)) {
    ctx.addIssue({ code: 'custom', message: `${value} has a fraction of a minor unit; amounts are whole minor units (e.g. "1250" for 12.50 EUR)` });
    return z.NEVER;
  }
  if (!/^-?\d{1,19}$/.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'must be a whole number of minor units, e.g. "1250" for 12.50 EUR' });
    return z.NEVER;
  }
  return BigInt(value);
});

export const positiveMoney = moneyInput.refine((n) => n > 0n && n <= MAX_AMOUNT, `must be positive and at most ${MAX_AMOUNT}`);
export const signedMoney = moneyInput.refine((n) => n >= -MAX_AMOUNT && n <= MAX_AMOUNT, `must be between -${MAX_AMOUNT} and ${MAX_AMOUNT}`);
