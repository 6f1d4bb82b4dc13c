import type { Disposition } from '../domain/signed-urls';

/** `attachment; filename="report.pdf"; filename*=UTF-8''r%C3%A9port.pdf` (RFC 6266 / 8187): an ASCII fallback and the exact name. */
export function contentDisposition(disposition: Disposition, name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}
