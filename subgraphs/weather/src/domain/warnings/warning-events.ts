import type { Warning } from './evaluate-warnings';

/** Pub/sub topic of one user's warning updates (raw user id). */
export const warningsTopic = (ownerId: string) => `weather:warnings:${ownerId}`;

/** What is published (JSON through pub/sub, so plain values only). */
export interface WarningsEvent {
  locationId: string;
  ownerId: string;
  warnings: Warning[];
  evaluatedAt: string;
}
