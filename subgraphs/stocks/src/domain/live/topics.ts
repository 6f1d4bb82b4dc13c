import type { CandleInterval } from '../intervals';

/**
 * Pub/sub topics (in-process in all-in-one, Redis channels in services mode). The feed owner
 * publishes market data; every replica's subscriptions read it, so any replica serves any client.
 */
export const topics = {
  /** One `QuoteView` per trade of the symbol. */
  quote: (symbol: string) => `stocks:quote:${symbol}`,
  /** The current bucket's `CandleView` after each batch of trades that touched it. */
  candle: (symbol: string, interval: CandleInterval) => `stocks:candle:${symbol}:${interval}`,
  /** `PriceAlertTriggerView`s for one user (raw user id). */
  alertTriggered: (ownerId: string) => `stocks:alert-triggered:${ownerId}`,
  /** `{ symbol }` after an alert was created, deleted or re-armed: the owner's engine reloads that symbol. */
  alertRulesChanged: 'stocks:alert-rules-changed',
  /** `InterestAnnouncement`s: which symbols each replica's subscribers watch. */
  interest: 'stocks:interest',
} as const;
