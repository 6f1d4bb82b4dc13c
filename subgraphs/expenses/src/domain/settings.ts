import { UserInputError } from '@mosaic/kit';
import type { Context } from '../context';
import { findSettings } from '../data/settings-repo';
import { DEFAULT_BASE_CURRENCY, isSupportedCurrency, SUPPORTED_CURRENCIES } from './currencies';

export async function baseCurrencyOf(ctx: Pick<Context, 'db'>, ownerId: string): Promise<string> {
  return (await findSettings(ctx.db, ownerId))?.baseCurrency ?? DEFAULT_BASE_CURRENCY;
}

export async function expenseSettingsOf(ctx: Pick<Context, 'auth' | 'db'>): Promise<{ baseCurrency: string }> {
  const viewer = ctx.auth.require('expenses:read');
  return { baseCurrency: await baseCurrencyOf(ctx, viewer.userId) };
}

/** An ISO 4217 code the rates cover, upper-cased; otherwise BAD_USER_INPUT at `field`. */
export function supportedCurrency(input: string, field: string): string {
  const code = input.trim().toUpperCase();
  if (!isSupportedCurrency(code)) {
    throw new UserInputError(`${field}: ${JSON.stringify(input)} is not a supported currency; use an ISO 4217 code with reference rates: ${SUPPORTED_CURRENCIES.join(', ')}.`, field);
  }
  return code;
}
