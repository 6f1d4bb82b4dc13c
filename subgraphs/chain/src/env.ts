import { z } from 'zod';

/** The well-known development phrase anvil and Hardhat fund (never holds real value). */
export const DEVNET_MNEMONIC = 'test test test test test test test test test test test junk';

const wei = z.string().regex(/^\d+$/, 'must be a whole number of wei').transform(BigInt);

/**
 * CHAIN_RPC_URL unset → the in-process development network (what `pnpm start` uses); set → that
 * JSON-RPC endpoint (http(s):// or ws(s)://), which must report CHAIN_ID. See the README for each.
 */
export const chainEnv = z
  .object({
    NODE_ENV: z.string().optional(),
    CHAIN_RPC_URL: z.string().url().optional(),
    CHAIN_ID: z.coerce.number().int().min(1).max(2 ** 32 - 1).optional(),
    CHAIN_NAME: z.string().min(1).optional(),
    CHAIN_CURRENCY_SYMBOL: z.string().min(1).max(12).default('ETH'),
    CHAIN_CONFIRMATIONS: z.coerce.number().int().min(1).max(1000).default(2),
    CHAIN_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
    CHAIN_DEVNET_MINING: z
      .string()
      .regex(/^(auto|manual|\d+)$/, 'must be "auto", "manual" or a block time in milliseconds')
      .default('1000'),
    CHAIN_DEVNET_MNEMONIC: z.string().default(DEVNET_MNEMONIC),
    CHAIN_DEVNET_ACCOUNT_BALANCE_WEI: wei.default(10_000n * 10n ** 18n),
    CHAIN_FAUCET_WEI: wei.default(10n * 10n ** 18n),
    CHAIN_KEY_ENCRYPTION_KEYS: z.string().optional(),
    DEV_KEYS_DIR: z.string().default('.data/dev-keys'),
    CHAIN_MAX_WALLETS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(100),
    CHAIN_SIWE_DOMAIN: z.string().default('localhost:4000'),
    CHAIN_SIWE_URI: z.string().url().default('http://localhost:4000'),
  })
  .refine((e) => !e.CHAIN_RPC_URL || e.CHAIN_ID, { message: 'must be set with CHAIN_RPC_URL (the chain id the endpoint must report)', path: ['CHAIN_ID'] })
  .refine((e) => !e.CHAIN_RPC_URL || /^(https?|wss?):\/\//.test(e.CHAIN_RPC_URL), { message: 'must be an http(s):// or ws(s):// URL', path: ['CHAIN_RPC_URL'] })
  .refine((e) => e.NODE_ENV !== 'production' || e.CHAIN_KEY_ENCRYPTION_KEYS, {
    message: 'must be set in production (`pnpm --filter @mosaic/chain -s kek:generate` prints a value)',
    path: ['CHAIN_KEY_ENCRYPTION_KEYS'],
  })
  .transform((e) => {
    const mining = e.CHAIN_DEVNET_MINING;
    return {
      network: e.CHAIN_RPC_URL
        ? { kind: 'RPC' as const, url: e.CHAIN_RPC_URL, chainId: e.CHAIN_ID!, name: e.CHAIN_NAME ?? `Chain ${e.CHAIN_ID}`, currencySymbol: e.CHAIN_CURRENCY_SYMBOL }
        : {
            kind: 'DEVNET' as const,
            chainId: e.CHAIN_ID ?? 31337,
            name: e.CHAIN_NAME ?? 'Mosaic development network',
            currencySymbol: e.CHAIN_CURRENCY_SYMBOL,
            mining: mining === 'auto' || mining === 'manual' ? ({ mode: mining } as const) : ({ mode: 'interval', ms: Number(mining) } as const),
            mnemonic: e.CHAIN_DEVNET_MNEMONIC,
            accountBalance: e.CHAIN_DEVNET_ACCOUNT_BALANCE_WEI,
            faucetWei: e.CHAIN_FAUCET_WEI,
          },
      production: e.NODE_ENV === 'production',
      confirmations: e.CHAIN_CONFIRMATIONS,
      pollIntervalMs: e.CHAIN_POLL_INTERVAL_MS,
      keyEncryptionKeys: { json: e.CHAIN_KEY_ENCRYPTION_KEYS, variable: 'CHAIN_KEY_ENCRYPTION_KEYS', devKeysDir: e.DEV_KEYS_DIR, devKeyFile: 'chain-key-encryption-keys.DEV-ONLY.json', production: e.NODE_ENV === 'production' },
      maxWalletsPerUser: e.CHAIN_MAX_WALLETS_PER_USER,
      siwe: { domain: e.CHAIN_SIWE_DOMAIN, uri: e.CHAIN_SIWE_URI },
    };
  });

export type ChainSettings = z.output<typeof chainEnv>;
export type NetworkSettings = ChainSettings['network'];
export type DevnetSettings = Extract<NetworkSettings, { kind: 'DEVNET' }>;
