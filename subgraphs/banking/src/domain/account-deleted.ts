import type { EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { findAccountsOf, updateAccount } from '../data/accounts-repo';
import { deletePayeesOf } from '../data/payees-repo';
import { accountState, audit } from './audit';

/**
 * A Mosaic account was deleted. A bank cannot forget its ledger (postings and transfers are kept
 * for the balances of everyone else and for record-keeping law), so: every bank account of the
 * person is closed (frozen first if money is left on it — staff must pay it out; it is not moved
 * silently), the holder's name is erased (the sealed value dropped), payees (names and numbers of
 * third parties) are deleted. Account numbers stay sealed so incoming transfers can still be
 * refused by lookup; the audit trail records each change with the system as actor.
 */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  const at = new Date();
  const accounts = await findAccountsOf(tx, event.payload.userId);
  for (const account of accounts) {
    const empty = account.balance === 0n && account.held === 0n;
    const status = empty ? 'CLOSED' : account.status === 'CLOSED' ? 'CLOSED' : 'FROZEN';
    const updated = await updateAccount(tx, account.id, { status, holderSealed: null, closedAt: status === 'CLOSED' ? (account.closedAt ?? at) : account.closedAt });
    await audit(tx, null, at, [{ action: 'account.holder-erased', entity: 'bank_account', entityId: account.id, before: accountState(account), after: accountState(updated) }]);
  }
  const payees = await deletePayeesOf(tx, event.payload.userId);
  log.info({ userId: event.payload.userId, accounts: accounts.length, payees }, 'closed the bank accounts of a deleted account and erased its personal data');
};
