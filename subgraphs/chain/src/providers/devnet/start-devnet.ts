import { HDKey, hdKeyToAccount } from 'viem/accounts';
import type { LocalAccount } from 'viem';
import { bip39Seed } from '../../domain/bip39-seed';
import type { DevnetSettings } from '../../env';
import { DevChain } from './dev-chain';
import { devChainProvider, type Eip1193Provider } from './json-rpc';

export const DEVNET_ACCOUNTS = 10;

export interface Devnet {
  chain: DevChain;
  provider: Eip1193Provider;
  /** The funded accounts (m/44'/60'/0'/0/0…9 of the development phrase), as anvil and Hardhat fund them. */
  accounts: LocalAccount[];
}

export async function startDevnet(settings: Pick<DevnetSettings, 'chainId' | 'mining' | 'mnemonic' | 'accountBalance'>): Promise<Devnet> {
  // One seed for all ten accounts: the phrase's PBKDF2 runs once, not once per account.
  const root = HDKey.fromMasterSeed(bip39Seed(settings.mnemonic));
  const accounts = Array.from({ length: DEVNET_ACCOUNTS }, (_, addressIndex) => hdKeyToAccount(root, { addressIndex }));
  const chain = await DevChain.create({
    chainId: settings.chainId,
    mining: settings.mining,
    accounts: accounts.map((account) => ({ address: account.address, balance: settings.accountBalance })),
  });
  return { chain, provider: devChainProvider(chain), accounts };
}
