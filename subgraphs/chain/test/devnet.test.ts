import { describe, expect, it } from 'vitest';
import { parseEther, parseGwei, type Hex } from 'viem';
import { DEVNET_MNEMONIC } from '../src/env';
import { startDevnet } from '../src/providers/devnet/start-devnet';

/** The development network's JSON-RPC, by the rules and messages nodes use. */
describe('development network', () => {
  const start = () => startDevnet({ chainId: 31337, mining: { mode: 'manual' }, mnemonic: DEVNET_MNEMONIC, accountBalance: parseEther('100') });
  const rpcError = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      return error as { code: number; message: string };
    }
    throw new Error('expected an error');
  };

  it('funds the development accounts at genesis and answers the standard methods', async () => {
    const { provider, accounts } = await start();
    expect(await provider.request({ method: 'eth_chainId' })).toBe('0x7a69');
    expect(await provider.request({ method: 'eth_blockNumber' })).toBe('0x0');
    expect(await provider.request({ method: 'eth_getBalance', params: [accounts[9]!.address, 'latest'] })).toBe(`0x${parseEther('100').toString(16)}`);
    expect(accounts[0]!.address).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(await rpcError(provider.request({ method: 'eth_sign' }))).toMatchObject({ code: -32601 });
    expect(await rpcError(provider.request({ method: 'eth_getBalance', params: ['0x12', 'latest'] }))).toMatchObject({ code: -32602 });
  });

  it('pools by nonce, replaces only with a 10 % fee bump, mines in nonce order and refuses used nonces', async () => {
    const { provider, accounts } = await start();
    const [alice] = accounts;
    const sign = (nonce: number, tip: bigint) => alice!.signTransaction({ chainId: 31337, type: 'eip1559', nonce, to: alice!.address, value: 1n, gas: 21000n, maxFeePerGas: parseGwei('10') + tip, maxPriorityFeePerGas: tip });
    const send = async (raw: Hex) => provider.request({ method: 'eth_sendRawTransaction', params: [raw] }) as Promise<Hex>;
    const later = await send(await sign(1, parseGwei('1')));
    const first = await send(await sign(0, parseGwei('1')));
    expect(await provider.request({ method: 'eth_getTransactionCount', params: [alice!.address, 'pending'] })).toBe('0x2');
    expect(await rpcError(send(await sign(0, parseGwei('1.05'))))).toMatchObject({ code: -32000, message: 'replacement transaction underpriced' });
    const replacement = await send(await sign(0, parseGwei('3')));
    await provider.request({ method: 'evm_mine' });
    expect(await provider.request({ method: 'eth_getTransactionReceipt', params: [first] })).toBeNull();
    const mined = (await provider.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })) as { transactions: string[] };
    expect(mined.transactions).toEqual([replacement, later]);
    expect(await rpcError(send(await sign(1, parseGwei('5'))))).toMatchObject({ message: expect.stringMatching(/^nonce too low/) });
  });

  it('refuses transactions it cannot pay for and reports reverts with their data (code 3)', async () => {
    const { provider, accounts } = await start();
    const poor = await accounts[1]!.signTransaction({ chainId: 31337, type: 'eip1559', nonce: 0, to: accounts[2]!.address, value: parseEther('1000'), gas: 21000n, maxFeePerGas: parseGwei('10'), maxPriorityFeePerGas: 1n });
    expect(await rpcError(provider.request({ method: 'eth_sendRawTransaction', params: [poor] }))).toMatchObject({ message: expect.stringMatching(/^insufficient funds/) });
    const otherChain = await accounts[1]!.signTransaction({ chainId: 1, type: 'eip1559', nonce: 0, to: accounts[2]!.address, value: 1n, gas: 21000n, maxFeePerGas: parseGwei('10'), maxPriorityFeePerGas: 1n });
    expect(await rpcError(provider.request({ method: 'eth_sendRawTransaction', params: [otherChain] }))).toMatchObject({ code: -32000, message: 'invalid chain id for signer' });
    // Init code that reverts with Error("no"): the ABI-encoded reason stored word by word, then REVERT(0, 100).
    const reason = ('08c379a0' + '20'.padStart(64, '0') + '2'.padStart(64, '0') + Buffer.from('no').toString('hex')).padEnd(256, '0');
    const words = [0, 1, 2, 3].map((i) => `7f${reason.slice(i * 64, i * 64 + 64)}60${(i * 32).toString(16).padStart(2, '0')}52`).join('');
    const init = `0x${words}60646000fd` as Hex;
    const reverted = await rpcError(provider.request({ method: 'eth_call', params: [{ data: init }, 'latest'] }));
    expect(reverted).toMatchObject({ code: 3, message: 'execution reverted: no' });
  });
});
