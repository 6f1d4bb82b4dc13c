import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { ACCESS_TOKEN_ALGORITHMS } from './token-verifier';

/** A new Ed25519 private JWK with `kid`, as access-token signing keys are configured (ACCOUNTS_SIGNING_KEYS). */
export async function generateSigningKey(kid: string): Promise<JWK> {
  const alg = ACCESS_TOKEN_ALGORITHMS[0]!;
  const { privateKey } = await generateKeyPair(alg, { extractable: true, crv: 'Ed25519' });
  return { ...(await exportJWK(privateKey)), kid, alg };
}
