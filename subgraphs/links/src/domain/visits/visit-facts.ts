import { createHash } from 'node:crypto';
import Bowser from 'bowser';
import { isbot } from 'isbot';
import { LRUCache } from 'lru-cache';
import type { StoredVisit } from '../../data/visits-repo';
import type { CountryLookup } from './geoip';
import { anonymisedNetwork } from './network';

/** What the redirect handler keeps of a request: raw, in memory only, until its batch is written. */
export interface RawVisit {
  at: number;
  address: string | null;
  userAgent: string | null;
  referer: string | null;
}

/** What is stored of a visit, with the start of its minute (epoch ms): together, its row's grouping key. */
export type VisitFactsOf = Omit<StoredVisit, 'visitedAt' | 'visits'> & { minute: number };

interface Agent {
  browser: string | null;
  os: string | null;
  device: string | null;
  bot: boolean;
}

const USER_AGENT_MAX = 512;

const MINUTE = 60_000;

const hostOf = (referer: string) => {
  try {
    const host = new URL(referer).hostname.toLowerCase();
    return host ? host.slice(0, 253) : null;
  } catch {
    return null;
  }
};

/**
 * Turns raw requests into stored visits: user agent parsed (bowser) and checked against isbot's
 * list, the address cut to its network before anything is stored, the country looked up when a
 * GeoIP database is configured. Runs when a batch is written, never on the redirect itself;
 * parsed user agents are remembered, since most traffic shares a few of them.
 */
export class VisitFacts {
  private readonly agents = new LRUCache<string, Agent>({ max: 5_000 });
  private readonly visitorKeys = new LRUCache<string, string>({ max: 20_000 });
  private readonly referrers = new LRUCache<string, { host: string | null }>({ max: 5_000 });

  constructor(private readonly country: CountryLookup | null) {}

  derive(raw: RawVisit): VisitFactsOf {
    const agent = this.agent(raw.userAgent?.slice(0, USER_AGENT_MAX) ?? '');
    const network = anonymisedNetwork(raw.address);
    return {
      minute: raw.at - (raw.at % MINUTE),
      referrerHost: raw.referer ? this.referrerHost(raw.referer) : null,
      ...agent,
      network,
      country: raw.address && this.country ? this.country(raw.address) : null,
      visitorKey: this.visitorKey(`${network ?? ''}\n${raw.userAgent ?? ''}`),
    };
  }

  private referrerHost(referer: string): string | null {
    let known = this.referrers.get(referer);
    if (!known) {
      known = { host: hostOf(referer) };
      this.referrers.set(referer, known);
    }
    return known.host;
  }

  /** Returning visitors (same network and browser) are common: their key is remembered, not hashed again. */
  private visitorKey(visitor: string): string {
    let key = this.visitorKeys.get(visitor);
    if (key === undefined) {
      key = createHash('sha256').update(visitor).digest('base64url').slice(0, 22);
      this.visitorKeys.set(visitor, key);
    }
    return key;
  }

  private agent(userAgent: string): Agent {
    const known = this.agents.get(userAgent);
    if (known) return known;
    const bot = userAgent === '' || isbot(userAgent);
    const parsed = userAgent ? Bowser.parse(userAgent) : null;
    // bowser answers "" for what it does not recognise.
    const agent: Agent = {
      browser: parsed?.browser.name || null,
      os: parsed?.os.name || null,
      device: bot ? 'bot' : parsed?.platform.type || null,
      bot,
    };
    this.agents.set(userAgent, agent);
    return agent;
  }
}
