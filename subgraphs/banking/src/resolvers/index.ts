import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { AccountReference } from './AccountReference';
import { BankAccount } from './BankAccount';
import { addPayee } from './Mutation/addPayee';
import { closeBankAccount } from './Mutation/closeBankAccount';
import { createTransfer } from './Mutation/createTransfer';
import { depositFunds } from './Mutation/depositFunds';
import { exchangeCurrency } from './Mutation/exchangeCurrency';
import { freezeBankAccount } from './Mutation/freezeBankAccount';
import { openBankAccount } from './Mutation/openBankAccount';
import { postTransfer } from './Mutation/postTransfer';
import { removePayee } from './Mutation/removePayee';
import { setOverdraftLimit } from './Mutation/setOverdraftLimit';
import { unfreezeBankAccount } from './Mutation/unfreezeBankAccount';
import { voidTransfer } from './Mutation/voidTransfer';
import { Payee } from './Payee';
import { Posting } from './Posting';
import { CurrencyTotals } from './CurrencyTotals';
import { bankAccount } from './Query/bankAccount';
import { fxQuote } from './Query/fxQuote';
import { ledgerPostings } from './Query/ledgerPostings';
import { transfer } from './Query/transfer';
import { MinorUnitsScalar } from './scalars';
import { Statement } from './Statement';
import { transferReceived } from './Subscription/transferReceived';
import { Transfer } from './Transfer';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  MinorUnits: MinorUnitsScalar,
  Query: { bankAccount, transfer, ledgerPostings, fxQuote },
  Mutation: { openBankAccount, closeBankAccount, createTransfer, postTransfer, voidTransfer, exchangeCurrency, addPayee, removePayee, depositFunds, freezeBankAccount, unfreezeBankAccount, setOverdraftLimit },
  Subscription: { transferReceived },
  AccountReference,
  BankAccount,
  CurrencyTotals,
  Payee,
  Posting,
  Statement,
  Transfer,
  User,
};
