import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { shownError, useStepUp } from '../../auth/StepUp';
import { WebCreateTransferDocument, type BankAccountSummaryFragment } from '../../graphql/graphql';
import { formatMoney, parseMoney } from '../../ui/format';
import { ErrorNotice } from '../../ui/status';
import type { Payee } from './Payees';

const OTHER = 'other';

export function TransferForm({ accounts, payees, onDone }: { accounts: readonly BankAccountSummaryFragment[]; payees: readonly Payee[]; onDone: () => void }) {
  const id = useId();
  const [fromId, setFromId] = useState(accounts[0]!.id);
  const [to, setTo] = useState(accounts[1] ? `account:${accounts[1].id}` : OTHER);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [create, { loading, error }] = useMutation(WebCreateTransferDocument);
  const { run, prompt } = useStepUp();
  // One key per transfer the person means to make: a retry after the step-up reuses it.
  const idempotencyKey = useRef(crypto.randomUUID());
  const from = accounts.find((account) => account.id === fromId) ?? accounts[0]!;
  // The destination cannot be the new source: move it to another of the person's accounts.
  const changeFrom = (next: string) => {
    setFromId(next);
    if (to === `account:${next}`) {
      const other = accounts.find((account) => account.id !== next);
      setTo(other ? `account:${other.id}` : OTHER);
    }
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const amount = parseMoney(String(values.get('amount')), from.currency);
    if (!amount) return setInvalid(`Enter a positive amount in ${from.currency}.`);
    setInvalid(null);
    setDone(null);
    const [kind, target] = to.split(':') as [string, string | undefined];
    const destination = kind === 'account' ? { toAccountId: target } : kind === 'payee' ? { toPayeeId: target } : { toAccountNumber: String(values.get('accountNumber')).replace(/\s+/g, '') };
    const input = { idempotencyKey: idempotencyKey.current, fromAccountId: from.id, amount, reference: String(values.get('reference') ?? '').trim() || null, ...destination };
    void run(() => create({ variables: { input } })).then(
      (result) => {
        const transfer = result?.data?.createTransfer;
        if (!transfer) return;
        idempotencyKey.current = crypto.randomUUID();
        form.reset();
        setDone(`Sent ${formatMoney(transfer.amount, transfer.currency)} (${transfer.status.toLowerCase()}).`);
        onDone();
      },
      () => undefined,
    );
  };
  const failure = shownError(error);
  return (
    <form className="stack-form card" onSubmit={onSubmit} aria-label="Transfer money">
      <h2>Transfer</h2>
      <label htmlFor={`${id}-from`}>From</label>
      <select id={`${id}-from`} value={fromId} onChange={(event) => changeFrom(event.target.value)}>
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.name} ({formatMoney(account.available, account.currency)} available)
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-to`}>To</label>
      <select id={`${id}-to`} value={to} onChange={(event) => setTo(event.target.value)}>
        <optgroup label="Your accounts">
          {accounts
            .filter((account) => account.id !== fromId)
            .map((account) => (
              <option key={account.id} value={`account:${account.id}`}>
                {account.name}
              </option>
            ))}
        </optgroup>
        {payees.length > 0 && (
          <optgroup label="Payees">
            {payees.map((payee) => (
              <option key={payee.id} value={`payee:${payee.id}`}>
                {payee.name} ({payee.maskedNumber})
              </option>
            ))}
          </optgroup>
        )}
        <option value={OTHER}>Another account number…</option>
      </select>
      {to === OTHER && (
        <>
          <label htmlFor={`${id}-number`}>Account number</label>
          <input id={`${id}-number`} name="accountNumber" required inputMode="numeric" pattern="[\d ]{12,24}" />
        </>
      )}
      <label htmlFor={`${id}-amount`}>Amount ({from.currency})</label>
      <input id={`${id}-amount`} name="amount" required inputMode="decimal" aria-invalid={invalid ? true : undefined} />
      <label htmlFor={`${id}-reference`}>Reference</label>
      <input id={`${id}-reference`} name="reference" maxLength={140} />
      <button type="submit" disabled={loading}>
        {loading ? 'Sending…' : 'Send money'}
      </button>
      {invalid && (
        <p className="error" role="alert">
          {invalid}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      {prompt}
      {failure && <ErrorNotice error={failure} />}
    </form>
  );
}
