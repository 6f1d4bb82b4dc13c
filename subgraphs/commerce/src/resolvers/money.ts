/** `Money` as the schema shows it: integer minor units and the ISO currency code. */
export const money = (amount: number, currency: string) => ({ amount, currency });
