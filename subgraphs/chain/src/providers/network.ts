import type { Chain, LocalAccount, PublicClient, Transport } from 'viem';

/**
 * The one network a deployment talks to, behind viem's EIP-1193 transport: a JSON-RPC endpoint
 * (any node or provider, HTTP or WebSocket) or the in-process development network. Everything
 * above this speaks standard JSON-RPC through `client`, so both behave the same.
 */
export interface ChainNetwork {
  kind: 'DEVNET' | 'RPC';
  chainId: number;
  name: string;
  currencySymbol: string;
  chain: Chain;
  transport: Transport;
  client: PublicClient<Transport, Chain>;
  /** The development network's funded account that welcomes new wallets; absent on real networks. */
  faucet: { account: LocalAccount; amount: bigint } | null;
  /** Mines a block now (development network only; tests and demos). */
  mine: (() => Promise<void>) | null;
  close(): Promise<void>;
}
