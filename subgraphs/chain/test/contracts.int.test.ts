import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { transactions } from '../src/data/tables';
import { CREATE_WALLET, SEND, startChain, TX, type ChainApp } from './harness';

let app: ChainApp;
let user: { token: string; publicId: string };
let owner: { id: string; address: string };
let other: { id: string; address: string };
let token: { id: string; address: string };
beforeAll(async () => {
  app = await startChain({ CHAIN_DEVNET_MINING: 'manual' });
  user = await app.auth.newUser();
  owner = (await app.call(CREATE_WALLET, { input: { label: 'owner' } }, user.token)).data!.createWallet.wallet;
  other = (await app.call(CREATE_WALLET, { input: { label: 'other' } }, user.token)).data!.createWallet.wallet;
  await app.mineAndTrack();
});
afterAll(() => app.close());

const DEPLOY = `mutation($input: DeployContractInput!) { deployContract(input: $input) { id name address deployment { id status kind } } }`;
const CALL = `query($input: ContractCallInput!) { callContract(input: $input) }`;
const WRITE = `mutation($input: ContractWriteInput!) { writeContract(input: $input) { id status kind } }`;
const rowCount = async () => (await app.database.db().select({ n: count() }).from(transactions))[0]!.n;

describe('contracts', () => {
  it('deploys the example ERC-20 (compiled ahead from OpenZeppelin sources) and reads it once mined', async () => {
    const deployed = await app.call(DEPLOY, { input: { walletId: owner.id, example: 'ERC20', args: ['Mosaic Token', 'MOS', '1000000000000000000000'] } }, user.token);
    expect(deployed.errors).toBeUndefined();
    token = deployed.data!.deployContract;
    expect(token).toMatchObject({ name: 'MosaicToken', deployment: { status: 'PENDING', kind: 'CONTRACT_DEPLOYMENT' } });
    await app.mineAndTrack();
    const deployment = (await app.call(TX, { id: deployed.data!.deployContract.deployment.id }, user.token)).data!.chainTransaction;
    expect(deployment.status).toBe('MINED');
    expect((await app.call(CALL, { input: { contractId: token.id, functionName: 'symbol' } }, user.token)).data!.callContract).toBe('MOS');
    expect((await app.call(CALL, { input: { contractId: token.id, functionName: 'balanceOf', args: [owner.address] } }, user.token)).data!.callContract).toBe('1000000000000000000000');
  });

  it('mints and transfers tokens; balances and decoded events follow', async () => {
    const minted = await app.call(WRITE, { input: { walletId: owner.id, contractId: token.id, functionName: 'mint', args: [other.address, '500'] } }, user.token);
    expect(minted.data!.writeContract).toMatchObject({ status: 'PENDING', kind: 'CONTRACT_CALL' });
    const sent = await app.call(SEND, { input: { walletId: owner.id, to: other.address, amount: '250', token: token.address } }, user.token);
    expect(sent.data!.sendTransfer).toMatchObject({ kind: 'TOKEN_TRANSFER', to: token.address, value: '0' });
    await app.mineAndTrack();
    const balance = await app.call(`query($id: ID!, $token: String!) { wallet(id: $id) { tokenBalance(token: $token) { symbol decimals balance } } }`, { id: other.id, token: token.address }, user.token);
    expect(balance.data!.wallet.tokenBalance).toEqual({ symbol: 'MOS', decimals: 18, balance: '750' });
    const events = await app.call(`query($id: ID!) { contract(id: $id) { events(eventName: "Transfer") { eventName args blockNumber } } }`, { id: token.id }, user.token);
    expect(events.data!.contract.events.map((e: { args: { to: string; value: string } }) => [e.args.to, e.args.value])).toEqual([
      [owner.address, '1000000000000000000000'],
      [other.address, '500'],
      [other.address, '250'],
    ]);
  });

  it('decodes reverts before sending (nothing signed) and after mining (FAILED with the reason)', async () => {
    const before = await rowCount();
    const notOwner = await app.call(WRITE, { input: { walletId: other.id, contractId: token.id, functionName: 'mint', args: [other.address, '1'] } }, user.token);
    expect(notOwner.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EXECUTION_REVERTED', revertReason: `OwnableUnauthorizedAccount(${other.address})` });
    expect(await rowCount()).toBe(before);
    // Two transfers of the whole balance pass their simulations while both are pending; mined, the second reverts.
    const all = { walletId: other.id, to: owner.address, amount: '750', token: token.address, gasLimit: '100000' };
    await app.call(SEND, { input: all }, user.token);
    const second = (await app.call(SEND, { input: all }, user.token)).data!.sendTransfer;
    await app.mineAndTrack();
    const failed = (await app.call(TX, { id: second.id }, user.token)).data!.chainTransaction;
    expect(failed.status).toBe('FAILED');
    expect(failed.revertReason).toBe(`ERC20InsufficientBalance(${other.address}, 0, 750)`);
  });

  it('refuses wrong argument types, unknown functions and sources that do not compile, naming the field', async () => {
    const wrongType = await app.call(CALL, { input: { contractId: token.id, functionName: 'balanceOf', args: ['not an address'] } }, user.token);
    expect(wrongType.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ARGUMENTS', field: 'input.args' });
    const arity = await app.call(WRITE, { input: { walletId: owner.id, contractId: token.id, functionName: 'mint', args: [owner.address] } }, user.token);
    expect(arity.errors![0]!.extensions).toMatchObject({ field: 'input.args', path: 'args' });
    const notInt = await app.call(WRITE, { input: { walletId: owner.id, contractId: token.id, functionName: 'mint', args: [owner.address, 1.5] } }, user.token);
    expect(notInt.errors![0]!.extensions).toMatchObject({ field: 'input.args', path: 'args[1]' });
    const unknown = await app.call(CALL, { input: { contractId: token.id, functionName: 'steal' } }, user.token);
    expect(unknown.errors![0]!.extensions).toMatchObject({ field: 'input.functionName' });
    const broken = await app.call(`mutation($source: String!) { compileContract(source: $source) { contracts { name } } }`, { source: 'pragma solidity ^0.8.0; contract A { function f( }' }, user.token);
    expect(broken.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'COMPILATION_FAILED', field: 'source' });
    const escape = await app.call(`mutation($source: String!) { compileContract(source: $source) { contracts { name } } }`, { source: 'import "/etc/passwd"; contract A {}' }, user.token);
    expect(escape.errors![0]!.message).toMatch(/Only @openzeppelin\/contracts/);
    const stranger = await app.auth.newUser();
    expect((await app.call(CALL, { input: { contractId: token.id, functionName: 'symbol' } }, stranger.token)).errors![0]!.extensions).toMatchObject({ field: 'input.contractId' });
  });

  it('deploys the ERC-721 example and a contract from source; follows an existing contract by address', async () => {
    const nft = (await app.call(DEPLOY, { input: { walletId: owner.id, example: 'ERC721', args: ['Mosaic Collectibles', 'MOSC'] } }, user.token)).data!.deployContract;
    await app.mineAndTrack();
    await app.call(WRITE, { input: { walletId: owner.id, contractId: nft.id, functionName: 'mint', args: [other.address] } }, user.token);
    await app.mineAndTrack();
    expect((await app.call(CALL, { input: { contractId: nft.id, functionName: 'ownerOf', args: ['0'] } }, user.token)).data!.callContract).toBe(other.address);
    const source = 'pragma solidity ^0.8.24; contract Counter { uint256 public count; event Counted(uint256 count); function up() external { count += 1; emit Counted(count); } }';
    const counter = await app.call(DEPLOY, { input: { walletId: owner.id, source } }, user.token);
    expect(counter.data!.deployContract.name).toBe('Counter');
    await app.mineAndTrack();
    const WATCH = `mutation($input: WatchContractInput!) { watchContract(input: $input) { id name } }`;
    const someoneElse = await app.auth.newUser();
    const abi = [{ type: 'function', name: 'count', inputs: [], outputs: [{ type: 'uint256', name: '' }], stateMutability: 'view' }];
    const watched = await app.call(WATCH, { input: { address: counter.data!.deployContract.address, abi, name: 'Their counter' } }, someoneElse.token);
    expect(watched.data!.watchContract.name).toBe('Their counter');
    expect((await app.call(CALL, { input: { contractId: watched.data!.watchContract.id, functionName: 'count' } }, someoneElse.token)).data!.callContract).toBe('0');
    const nothing = await app.call(WATCH, { input: { address: '0x00000000000000000000000000000000000000ff', abi, name: 'x' } }, someoneElse.token);
    expect(nothing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.address' });
  });
});
