import { rewrapRecords, type Db } from '@mosaic/kit';
import { findAccountsToRewrap, saveRewrapped } from '../data/accounts-repo';
import { findPayeesToRewrap, savePayeeRewrapped } from '../data/payees-repo';
import { accountNumberContext, holderContext, openText, payeeNameContext, payeeNumberContext, type BankingSecrets } from './secrets';

/**
 * Re-wraps every sealed field's data key with the active key-encryption key (ciphertexts
 * unchanged) and re-hashes the account numbers under the active lookup key. Run after putting new
 * keys first in BANKING_KEY_ENCRYPTION_KEYS / BANKING_LOOKUP_KEYS with the old ones after them;
 * once it reports 0, the old keys can go. Safe to re-run and to run beside the services.
 */
export async function rotateBankingKeys(db: Db, secrets: BankingSecrets): Promise<{ accounts: number; payees: number }> {
  const accounts = await rewrapRecords(secrets.envelope, {
    findBatch: (active, limit) => findAccountsToRewrap(db, active, limit),
    fields: (row) => [
      { name: 'number', sealed: row.numberSealed, context: accountNumberContext(row.id) },
      { name: 'holder', sealed: row.holderSealed, context: holderContext(row.id) },
    ],
    save: (row, values, keyId) => saveRewrapped(db, row, { number: values.number!, holder: values.holder ?? null }, keyId, secrets.lookup.hash(openText(secrets, row.numberSealed, accountNumberContext(row.id)))),
  });
  const payees = await rewrapRecords(secrets.envelope, {
    findBatch: (active, limit) => findPayeesToRewrap(db, active, limit),
    fields: (row) => [
      { name: 'name', sealed: row.nameSealed, context: payeeNameContext(row.id) },
      { name: 'number', sealed: row.numberSealed, context: payeeNumberContext(row.id) },
    ],
    save: (row, values, keyId) => savePayeeRewrapped(db, row, { name: values.name!, number: values.number! }, keyId, secrets.lookup.hash(openText(secrets, row.numberSealed, payeeNumberContext(row.id)))),
  });
  return { accounts: accounts.rewrapped, payees: payees.rewrapped };
}
