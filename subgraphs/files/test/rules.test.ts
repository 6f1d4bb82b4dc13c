import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { extensionOf, neutraliseFileName } from '../src/domain/ingest/file-name';
import { sniffContentType } from '../src/domain/ingest/sniff';
import { UploadRefusedError } from '../src/domain/ingest/upload-refused';
import { UrlSigner } from '../src/domain/signed-urls';
import { contentDisposition } from '../src/http/content-disposition';
import { parseRange } from '../src/http/ranges';

const ALLOWED = new Set(['image/png', 'image/jpeg', 'application/pdf', 'text/plain', 'text/csv']);
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UploadRefusedError);
  return (error as UploadRefusedError).code;
};

describe('file names', () => {
  it('keep only the last segment, without control, bidi or leading dots', () => {
    expect(neutraliseFileName('../../etc/passwd')).toBe('passwd');
    expect(neutraliseFileName('..\\..\\boot.ini')).toBe('boot.ini');
    expect(neutraliseFileName('.htaccess')).toBe('htaccess');
    expect(neutraliseFileName('inv\u202Egnp.exe')).toBe('invgnp.exe');
    expect(neutraliseFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(neutraliseFileName('  Résumé.pdf ')).toBe('Résumé.pdf');
    const long = neutraliseFileName(`${'x'.repeat(300)}.jpeg`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.jpeg')).toBe(true);
    expect(() => neutraliseFileName('../')).toThrow(UploadRefusedError);
    expect(extensionOf('a.TAR.GZ')).toBe('gz');
    expect(extensionOf('noext')).toBeNull();
  });
});

describe('content sniffing', () => {
  it('takes the type from the content and holds the extension to it', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'white' } }).png().toBuffer();
    expect(await sniffContentType(png, 'a.png', ALLOWED)).toBe('image/png');
    expect(await sniffContentType(png, 'no-extension', ALLOWED)).toBe('image/png');
    expect(await sniffContentType(png, 'a.unknownext', ALLOWED)).toBe('image/png');
    expect(await refusal(sniffContentType(png, 'a.jpg', ALLOWED))).toBe('TYPE_MISMATCH');
    expect(await refusal(sniffContentType(png, 'a.txt', ALLOWED))).toBe('TYPE_MISMATCH');
    expect(await sniffContentType(Buffer.from('a,b\n'), 'data.csv', ALLOWED)).toBe('text/csv');
    expect(await sniffContentType(Buffer.from('plain words'), 'readme', ALLOWED)).toBe('text/plain');
    expect(await refusal(sniffContentType(Buffer.from('plain words'), 'x.pdf', ALLOWED))).toBe('TYPE_MISMATCH');
    // A multi-byte character cut by the end of the sniffed head is still text.
    expect(await sniffContentType(Buffer.from('héllo').subarray(0, 2), 'x.txt', ALLOWED)).toBe('text/plain');
    expect(await refusal(sniffContentType(Buffer.from([0, 1, 2, 3, 250, 251]), 'blob', ALLOWED))).toBe('UNSUPPORTED_TYPE');
    expect(await refusal(sniffContentType(png, 'a.png', new Set(['application/pdf'])))).toBe('UNSUPPORTED_TYPE');
  });
});

describe('byte ranges', () => {
  it('parses single ranges as RFC 9110 says', () => {
    expect(parseRange(undefined, 10)).toBeNull();
    expect(parseRange('bytes=0-4', 10)).toEqual({ start: 0, end: 4 });
    expect(parseRange('bytes=5-', 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange('bytes=-30', 10)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=8-100', 10)).toEqual({ start: 8, end: 9 });
    expect(parseRange('bytes=10-12', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-2', 10)).toBeNull();
    expect(parseRange('bytes=0-1,4-5', 10)).toBeNull();
    expect(parseRange('items=0-1', 10)).toBeNull();
  });
});

describe('signed URLs', () => {
  const signer = new UrlSigner('s'.repeat(32), 'https://files.example');
  const grant = { fileId: '01900000-0000-7000-8000-000000000000', variant: 'original' as const, disposition: 'attachment' as const, expiresAt: 2_000_000_000 };
  it('verify their own grants until expiry, and nothing altered or signed with another secret', () => {
    const token = signer.token(grant);
    expect(signer.check(token, new Date(1_999_999_999_000))).toEqual({ ok: true, grant });
    expect(signer.check(token, new Date(2_000_000_000_000))).toEqual({ ok: false, reason: 'URL_EXPIRED' });
    const other = new UrlSigner('t'.repeat(32), 'https://files.example');
    expect(other.check(token, new Date(0))).toEqual({ ok: false, reason: 'SIGNATURE_INVALID' });
    const [payload, signature] = token.split('.') as [string, string];
    const longer = Buffer.from(JSON.stringify([grant.fileId, 'o', 'a', 3_000_000_000])).toString('base64url');
    expect(signer.check(`${longer}.${signature}`, new Date(0))).toEqual({ ok: false, reason: 'SIGNATURE_INVALID' });
    expect(signer.check(`${payload}.`, new Date(0))).toEqual({ ok: false, reason: 'SIGNATURE_INVALID' });
    expect(signer.url(grant)).toBe(`https://files.example/files/d/${token}`);
  });
});

describe('Content-Disposition', () => {
  it('has an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('attachment', 'plain.txt')).toBe(`attachment; filename="plain.txt"; filename*=UTF-8''plain.txt`);
    expect(contentDisposition('inline', 'naïve "q".pdf')).toBe(`inline; filename="na_ve _q_.pdf"; filename*=UTF-8''na%C3%AFve%20%22q%22.pdf`);
  });
});
