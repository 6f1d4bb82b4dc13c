export const URL_MAX = 2048;

export interface UrlPolicy {
  /** The shortener's own origin: links to it would loop. */
  publicUrl: string;
  /** Hosts (and their subdomains) no link may point to. */
  blockedHosts: readonly string[];
}

/** Whether `host` is `blocked` or one of its subdomains. */
const under = (host: string, blocked: string) => host === blocked || host.endsWith(`.${blocked}`);

/**
 * The normalised target URL, or why it is refused: only http(s), no credentials (a classic
 * phishing disguise), not the shortener itself, not a blocked host.
 */
export function checkTargetUrl(text: string, policy: UrlPolicy): { ok: true; href: string } | { ok: false; problem: string } {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, problem: 'must not be empty' };
  if (trimmed.length > URL_MAX) return { ok: false, problem: `must be at most ${URL_MAX.toLocaleString('en')} characters` };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: 'must be an absolute URL such as https://example.com/page' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: `must be an http or https URL (not ${url.protocol.slice(0, 20)})` };
  if (!url.hostname) return { ok: false, problem: 'must name a host' };
  if (url.username || url.password) return { ok: false, problem: 'must not contain a user name or password' };
  const own = new URL(policy.publicUrl);
  if (url.host === own.host) return { ok: false, problem: 'must not point to this shortener itself' };
  const host = url.hostname.replace(/\.$/, '');
  if (policy.blockedHosts.some((blocked) => under(host, blocked))) return { ok: false, problem: `must not point to ${host}: that host is blocked here` };
  if (url.href.length > URL_MAX) return { ok: false, problem: `must be at most ${URL_MAX.toLocaleString('en')} characters once encoded` };
  return { ok: true, href: url.href };
}
