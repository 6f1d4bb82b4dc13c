import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/**
 * RFC 6238 with the parameters every authenticator app supports: SHA-1, 6 digits, 30-second steps,
 * a 160-bit secret. Codes from the step before or after the current one are accepted (clock drift).
 */
const PERIOD = 30;
const DIGITS = 6;
const DRIFT_STEPS = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

const totpFor = (secretBase32: string, label: string, issuer: string) =>
  new TOTP({ issuer, label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD, secret: Secret.fromBase32(secretBase32) });

/** The `otpauth://totp/…` URI authenticator apps import (also what the QR code encodes). */
export function otpauthUri(secretBase32: string, label: string, issuer: string): string {
  return totpFor(secretBase32, label, issuer).toString();
}

export function qrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export const isTotpCodeShape = (code: string) => /^\d{6}$/.test(code);

/**
 * The time step the code belongs to (within ±1 step of `now`), or null. The caller must accept a
 * step only if it is newer than the last one used, which makes every code single-use.
 */
export function totpStepOf(secretBase32: string, code: string, now: Date): number | null {
  if (!isTotpCodeShape(code)) return null;
  const totp = totpFor(secretBase32, 'x', 'x');
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: DRIFT_STEPS });
  return delta === null ? null : totp.counter({ timestamp: now.getTime() }) + delta;
}

/** Only tests (and the README's demo) need to produce codes. */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpFor(secretBase32, 'x', 'x').generate({ timestamp: at.getTime() });
}
