import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { Contract } from './Contract';
import { cancelTransaction } from './Mutation/cancelTransaction';
import { compileContract } from './Mutation/compileContract';
import { createSiweChallenge } from './Mutation/createSiweChallenge';
import { createWallet } from './Mutation/createWallet';
import { deployContract } from './Mutation/deployContract';
import { importWatchOnlyWallet } from './Mutation/importWatchOnlyWallet';
import { linkAddress } from './Mutation/linkAddress';
import { sendTransfer } from './Mutation/sendTransfer';
import { signMessage } from './Mutation/signMessage';
import { signTypedData } from './Mutation/signTypedData';
import { speedUpTransaction } from './Mutation/speedUpTransaction';
import { watchContract } from './Mutation/watchContract';
import { writeContract } from './Mutation/writeContract';
import { callContract } from './Query/callContract';
import { chainNetwork } from './Query/chainNetwork';
import { chainTransaction } from './Query/chainTransaction';
import { contract } from './Query/contract';
import { estimateTransfer } from './Query/estimateTransfer';
import { exampleContracts } from './Query/exampleContracts';
import { verifyMessageSignature } from './Query/verifyMessageSignature';
import { verifyTypedDataSignature } from './Query/verifyTypedDataSignature';
import { wallet } from './Query/wallet';
import { BigIntScalar, JSONScalar } from './scalars';
import { contractEvents } from './Subscription/contractEvents';
import { transactionUpdated } from './Subscription/transactionUpdated';
import { Transaction } from './Transaction';
import { User } from './User';
import { ChainNetwork, ContractEvent, LinkedAddress } from './values';
import { Wallet } from './Wallet';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  BigInt: BigIntScalar,
  JSON: JSONScalar,
  Query: { chainNetwork, wallet, chainTransaction, estimateTransfer, verifyMessageSignature, verifyTypedDataSignature, exampleContracts, contract, callContract },
  Mutation: {
    createWallet,
    importWatchOnlyWallet,
    signMessage,
    signTypedData,
    createSiweChallenge,
    linkAddress,
    sendTransfer,
    speedUpTransaction,
    cancelTransaction,
    compileContract,
    deployContract,
    watchContract,
    writeContract,
  },
  Subscription: { transactionUpdated, contractEvents },
  User,
  Wallet,
  Transaction,
  Contract,
  ChainNetwork,
  LinkedAddress,
  ContractEvent,
};
