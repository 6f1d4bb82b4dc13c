import type { Db, Logger } from '@mosaic/kit';
import type { Address } from 'viem';
import { hdWalletAddresses, recordGenesis, settleAfterReset } from '../data/networks-repo';
import type { ChainNetwork } from '../providers/network';
import type { TransactionSender } from './transactions/transaction-sender';

const REFUND_LIMIT = 1_000;

/**
 * Run at start. The development network keeps its state in memory, so every start is a new chain
 * (as with anvil or Hardhat without a state file); a node behind CHAIN_RPC_URL can be wiped too.
 * When the genesis block differs from the one last seen, open transactions are settled as FAILED,
 * nonces restart from the network, and on the development network the faucet tops up every HD
 * wallet again so the demo keeps working.
 */
export async function reconcileNetwork(deps: { db: Db; network: ChainNetwork; sender: TransactionSender; now: () => Date; log: Logger }): Promise<void> {
  const { db, network, now, log } = deps;
  const genesis = await network.client.getBlock({ blockNumber: 0n });
  const seen = await recordGenesis(db, network.chainId, genesis.hash!, now());
  if (seen !== 'reset') return;
  const reason = network.kind === 'DEVNET' ? 'The development network restarted (its state lives in memory): this transaction is gone with it.' : 'The network was reset (its genesis block changed): this transaction is gone with it.';
  const failed = await settleAfterReset(db, network.chainId, reason, now());
  log.warn({ chainId: network.chainId, failed }, 'the network was reset since the last start; open transactions settled as FAILED');
  if (!network.faucet) return;
  for (const address of await hdWalletAddresses(db, REFUND_LIMIT)) {
    await deps.sender.send({ account: network.faucet.account, to: address as Address, value: network.faucet.amount }, { kind: 'FUNDING', ownerId: null, walletId: null });
  }
}
