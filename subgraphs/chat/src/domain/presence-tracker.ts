import { randomUUID } from 'node:crypto';
import type { CacheStore, CacheStores, Db, LeaseStore, Logger, PubSub } from '@mosaic/kit';
import { findRoomIdsOf } from '../data/co-members-repo';
import { presenceTopic, type PresencePayload } from './events';

export type PresenceStatus = 'ONLINE' | 'AWAY' | 'OFFLINE';

/** A client's lease lasts this long unless renewed (clients heartbeat about every 30 s). */
export const PRESENCE_LEASE_MS = 60_000;
/** Connected but not active for this long: AWAY. */
export const AWAY_AFTER_MS = 5 * 60_000;
/** How often a replica renews the leases of its open streams and looks for presence that changed by itself. */
const SWEEP_EVERY_MS = 5_000;
/** The last announced status is remembered this long (an announcement repeats at worst once a day). */
const ANNOUNCED_TTL_MS = 24 * 60 * 60_000;

/**
 * Two lease sets per person, in the shared caches (Redis across replicas, in process in
 * all-in-one): *connected* leases (one per client or open stream, renewed by heartbeats) and
 * *active* leases (renewed when the client reports activity, ending AWAY_AFTER_MS later).
 * Nothing connected: OFFLINE; connected and something active: ONLINE; else AWAY.
 */
export function statusFrom(connectedUntil: number | null, activeUntil: number | null): PresenceStatus {
  if (connectedUntil === null) return 'OFFLINE';
  return activeUntil === null ? 'AWAY' : 'ONLINE';
}

export interface PresenceDeps {
  caches: CacheStores;
  pubsub: PubSub;
  db: Db;
  log: Logger;
  now: () => Date;
}

/**
 * One per replica. Every change it causes (a heartbeat, a stream opening or closing) and every
 * change by expiry it notices (its sweep watches the people it last touched) is compared with the
 * last announced status, which every replica shares, and announced to the person's rooms when it
 * differs. Two replicas noticing the same expiry may both announce it: events carry the full
 * status, so a repeat changes nothing for a client.
 */
export class PresenceTracker {
  private readonly connected: LeaseStore;
  private readonly active: LeaseStore;
  private readonly announced: CacheStore;
  /** People whose presence this replica last touched → when it may next change by itself. */
  private readonly watched = new Map<string, number>();
  /** Leases of streams open on this replica (lease id → person), renewed while they stay open. */
  private readonly held = new Map<string, string>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly deps: PresenceDeps) {
    this.connected = deps.caches.leases('chat-presence-connected');
    this.active = deps.caches.leases('chat-presence-active');
    this.announced = deps.caches.store('chat-presence-announced');
    this.timer = setInterval(() => void this.sweep().catch((error) => deps.log.warn({ err: error }, 'presence sweep failed')), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  /** Current presence of several people: two round trips whatever their number. */
  async statuses(userIds: readonly string[]): Promise<PresenceStatus[]> {
    const now = this.deps.now().getTime();
    const [connected, active] = await Promise.all([this.connected.latestExpiries(userIds, now), this.active.latestExpiries(userIds, now)]);
    return userIds.map((_, i) => statusFrom(connected[i]!, active[i]!));
  }

  /** A client's heartbeat: ONLINE (active), AWAY (idle) or OFFLINE (gives its lease up). */
  async heartbeat(userId: string, clientId: string, reported: PresenceStatus): Promise<{ status: PresenceStatus; expiresAt: Date | null }> {
    const now = this.deps.now().getTime();
    const lease = `client:${clientId}`;
    if (reported === 'OFFLINE') {
      await Promise.all([this.connected.release(userId, lease), this.active.release(userId, lease)]);
    } else {
      await this.connected.renew(userId, lease, now + PRESENCE_LEASE_MS);
      await (reported === 'ONLINE' ? this.active.renew(userId, lease, now + AWAY_AFTER_MS) : this.active.release(userId, lease));
    }
    return { status: await this.refresh(userId), expiresAt: reported === 'OFFLINE' ? null : new Date(now + PRESENCE_LEASE_MS) };
  }

  /**
   * A lease for a stream the person opened on this replica: connected while it stays open (this
   * replica renews it; if the replica dies it expires), active at first. Returns the release.
   */
  async hold(userId: string): Promise<() => Promise<void>> {
    const lease = `stream:${randomUUID()}`;
    const now = this.deps.now().getTime();
    this.held.set(lease, userId);
    try {
      await this.connected.renew(userId, lease, now + PRESENCE_LEASE_MS);
      await this.active.renew(userId, lease, now + AWAY_AFTER_MS);
      await this.refresh(userId);
    } catch (error) {
      // Not held after all: the sweep must not renew a lease nobody will release.
      this.held.delete(lease);
      throw error;
    }
    return async () => {
      if (!this.held.delete(lease)) return;
      await Promise.all([this.connected.release(userId, lease), this.active.release(userId, lease)]);
      await this.refresh(userId);
    };
  }

  /**
   * Renews this replica's stream leases, then re-reads the people whose presence may have changed
   * by itself (a lease expired) and announces what changed. Runs every few seconds; tests call it
   * after moving the clock.
   */
  async sweep(): Promise<void> {
    const now = this.deps.now().getTime();
    await Promise.all([...this.held].map(([lease, userId]) => this.connected.renew(userId, lease, now + PRESENCE_LEASE_MS)));
    for (const [userId, changesAt] of [...this.watched]) if (changesAt <= now) await this.refresh(userId);
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** Reads the person's presence, announces it when it differs from the last announcement, and watches for its next change. */
  private async refresh(userId: string): Promise<PresenceStatus> {
    const now = this.deps.now().getTime();
    const [[connected], [active]] = await Promise.all([this.connected.latestExpiries([userId], now), this.active.latestExpiries([userId], now)]);
    const status = statusFrom(connected!, active!);
    if (status === 'OFFLINE') this.watched.delete(userId);
    else this.watched.set(userId, status === 'ONLINE' ? Math.min(connected!, active!) : connected!);
    if (((await this.announced.get(userId)) ?? 'OFFLINE') !== status) {
      await this.announced.set(userId, status, ANNOUNCED_TTL_MS);
      await this.announce(userId, status, new Date(now));
    }
    return status;
  }

  /** To every room of the person (their co-members follow `presenceChanged` there). Ephemeral, like typing. */
  private async announce(userId: string, status: PresenceStatus, at: Date): Promise<void> {
    try {
      const roomIds = await findRoomIdsOf(this.deps.db, userId);
      await Promise.all(roomIds.map((roomId) => this.deps.pubsub.publish(presenceTopic(roomId), { roomId, userId, status, changedAt: at.toISOString() } satisfies PresencePayload)));
    } catch (error) {
      this.deps.log.warn({ err: error, userId }, 'presence change not announced');
    }
  }
}
