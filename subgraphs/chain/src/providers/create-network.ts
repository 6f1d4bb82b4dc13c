import { createPublicClient, custom, defineChain, http, webSocket, type Chain, type Transport } from 'viem';
import type { NetworkSettings } from '../env';
import type { ChainNetwork } from './network';

const chainOf = (settings: NetworkSettings, rpcUrl: string): Chain =>
  defineChain({
    id: settings.chainId,
    name: settings.name,
    nativeCurrency: { name: settings.currencySymbol, symbol: settings.currencySymbol, decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });

/**
 * The configured network. The development network's code (the EVM) is imported only here, on
 * first start, so processes that use a real endpoint never load it.
 */
export async function createNetwork(settings: NetworkSettings): Promise<ChainNetwork> {
  if (settings.kind === 'RPC') {
    const transport: Transport = settings.url.startsWith('ws') ? webSocket(settings.url, { retryCount: 2 }) : http(settings.url, { retryCount: 2, timeout: 15_000 });
    const chain = chainOf(settings, settings.url);
    const client = createPublicClient({ chain, transport });
    return {
      kind: 'RPC',
      chainId: settings.chainId,
      name: settings.name,
      currencySymbol: settings.currencySymbol,
      chain,
      transport,
      client,
      faucet: null,
      mine: null,
      async close() {
        // viem's WebSocket transport keeps one socket per URL open; HTTP has nothing to release.
        const socket = client.transport as { getRpcClient?: () => Promise<{ close(): void }> };
        if (socket.getRpcClient) (await socket.getRpcClient()).close();
      },
    };
  }
  const { startDevnet } = await import('./devnet/start-devnet');
  const devnet = await startDevnet(settings);
  const transport = custom(devnet.provider, { retryCount: 0 });
  const chain = chainOf(settings, 'http://localhost/in-process');
  return {
    kind: 'DEVNET',
    chainId: settings.chainId,
    name: settings.name,
    currencySymbol: settings.currencySymbol,
    chain,
    transport,
    client: createPublicClient({ chain, transport, pollingInterval: 100 }),
    faucet: settings.faucetWei > 0n ? { account: devnet.accounts[0]!, amount: settings.faucetWei } : null,
    mine: () => devnet.chain.mine().then(() => undefined),
    async close() {
      devnet.chain.close();
    },
  };
}
