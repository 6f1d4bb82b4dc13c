import { LRUCache } from 'lru-cache';
import QRCode from 'qrcode';

export type QrFormat = 'svg' | 'png';

export const QR_SIZE = { min: 64, max: 2048, default: 256 };

/** `?format=&size=` of a QR request, or why it is refused. */
export function qrOptions(query: URLSearchParams): { ok: true; format: QrFormat; size: number } | { ok: false; problem: string } {
  const format = query.get('format') ?? 'svg';
  if (format !== 'svg' && format !== 'png') return { ok: false, problem: 'format must be svg or png' };
  const sizeText = query.get('size');
  const size = sizeText === null ? QR_SIZE.default : Number(sizeText);
  if (!Number.isInteger(size) || size < QR_SIZE.min || size > QR_SIZE.max) return { ok: false, problem: `size must be a whole number of pixels from ${QR_SIZE.min} to ${QR_SIZE.max}` };
  return { ok: true, format, size };
}

/** QR codes of short URLs (the `qrcode` package), remembered: a short URL never changes. */
export class QrCodes {
  private readonly made = new LRUCache<string, Buffer>({ max: 2_000, maxSize: 64 * 1024 * 1024, sizeCalculation: (value) => value.length });

  async of(text: string, format: QrFormat, size: number): Promise<Buffer> {
    const key = `${format} ${size} ${text}`;
    const known = this.made.get(key);
    if (known) return known;
    const options = { width: size, margin: 2, errorCorrectionLevel: 'M' as const };
    const image = format === 'png' ? await QRCode.toBuffer(text, { ...options, type: 'png' }) : Buffer.from(await QRCode.toString(text, { ...options, type: 'svg' }));
    this.made.set(key, image);
    return image;
  }
}
