import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { shownError, useStepUp } from '../../auth/StepUp';
import { useSession } from '../../auth/session';
import { WebAddPayeeDocument, WebBankingDocument, WebCreateTransferDocument, WebOpenBankAccountDocument, WebTransferReceivedDocument, type BankAccountSummaryFragment } from '../../graphql/graphql';
import { formatDateTime, formatMoney, parseMoney } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';

interface Payee {
  id: string;
  name: string;
  maskedNumber: string;
}

export default function BankingScreen() {
  const id = useId();
  const { data, loading, error, refetch } = useQuery(WebBankingDocument);
  useSubscription(WebTransferReceivedDocument, { onData: () => void refetch() });
  const accounts = data?.me?.bankAccounts?.edges.map((edge) => edge.node) ?? [];
  const payees = data?.me?.payees ?? [];
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Banking</h1>
      {loading && !data && <Loading label="Loading your accounts…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && accounts.length === 0 && <Empty>No bank accounts yet. Open one below.</Empty>}
      <ul className="cards" aria-label="Bank accounts">
        {accounts.map((account) => (
          <AccountCard key={account.id} account={account} />
        ))}
      </ul>
      {data && (
        <div className="split">
          {accounts.length > 0 && <TransferForm accounts={accounts} payees={payees} onDone={() => void refetch()} />}
          <div>
            <Payees payees={payees} onAdded={() => void refetch()} />
            <OpenAccount onOpened={() => void refetch()} />
          </div>
        </div>
      )}
    </section>
  );
}

function AccountCard({ account }: { account: BankAccountSummaryFragment }) {
  const id = useId();
  const money = (value: string) => formatMoney(value, account.currency);
  return (
    <li className="card" aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`}>{account.name}</h2>
      <p className="meta">
        {account.kind.toLowerCase()} · <span className="mono">{account.accountNumber}</span>
        {account.status !== 'OPEN' && ` · ${account.status.toLowerCase()}`}
      </p>
      <p className="big" data-testid={`balance-${account.name}`}>
        {money(account.balance)}
      </p>
      {account.available !== account.balance && <p className="meta">{money(account.available)} available</p>}
      <h3>Recent</h3>
      {account.postings.edges.length === 0 && <Empty>No movements yet.</Empty>}
      <ul className="postings" aria-label={`Movements of ${account.name}`}>
        {account.postings.edges.map(({ node }) => (
          <li key={node.id}>
            <span className={node.direction === 'CREDIT' ? 'up' : 'down'}>
              {node.direction === 'CREDIT' ? '+' : '−'}
              {formatMoney(node.amount, node.currency)}
            </span>{' '}
            {node.transfer.reference || node.counterparty.holderName || node.counterparty.maskedNumber}
            <span className="meta"> · {formatDateTime(node.postedAt)}</span>
          </li>
        ))}
      </ul>
    </li>
  );
}

const OTHER = 'other';

function TransferForm({ accounts, payees, onDone }: { accounts: readonly BankAccountSummaryFragment[]; payees: readonly Payee[]; onDone: () => void }) {
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
      <select id={`${id}-from`} value={fromId} onChange={(event) => setFromId(event.target.value)}>
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

function Payees({ payees, onAdded }: { payees: readonly Payee[]; onAdded: () => void }) {
  const id = useId();
  const [add, { loading, error }] = useMutation(WebAddPayeeDocument);
  const { run, prompt } = useStepUp();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const input = { name: String(values.get('name')).trim(), accountNumber: String(values.get('accountNumber')).replace(/\s+/g, '') };
    void run(() => add({ variables: { input } })).then((result) => {
      if (!result?.data?.addPayee) return;
      form.reset();
      onAdded();
    }, () => undefined);
  };
  const failure = shownError(error);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Payees</h2>
      {payees.length === 0 ? (
        <Empty>No saved payees.</Empty>
      ) : (
        <ul aria-label="Payees">
          {payees.map((payee) => (
            <li key={payee.id}>
              {payee.name} <span className="mono">{payee.maskedNumber}</span>
            </li>
          ))}
        </ul>
      )}
      <form className="row-form" onSubmit={onSubmit} aria-label="Add a payee">
        <label htmlFor={`${id}-name`}>Payee name</label>
        <input id={`${id}-name`} name="name" required maxLength={100} />
        <label htmlFor={`${id}-number`}>Payee account number</label>
        <input id={`${id}-number`} name="accountNumber" required inputMode="numeric" pattern="[\d ]{12,24}" />
        <button type="submit" disabled={loading}>
          Add payee
        </button>
      </form>
      {prompt}
      {failure && <ErrorNotice error={failure} />}
    </section>
  );
}

function OpenAccount({ onOpened }: { onOpened: () => void }) {
  const id = useId();
  const state = useSession();
  const [open, { loading, error }] = useMutation(WebOpenBankAccountDocument);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const holderName = state.status === 'signed-in' ? state.viewer.displayName : '';
    void open({ variables: { input: { kind: values.get('kind') === 'SAVINGS' ? 'SAVINGS' : 'CHECKING', currency: String(values.get('currency')), name: String(values.get('name')).trim(), holderName } } }).then(() => {
      form.reset();
      onOpened();
    }, () => undefined);
  };
  return (
    <form className="row-form card" onSubmit={onSubmit} aria-label="Open a bank account">
      <label htmlFor={`${id}-name`}>New account name</label>
      <input id={`${id}-name`} name="name" required maxLength={60} />
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select id={`${id}-kind`} name="kind">
        <option value="CHECKING">Checking</option>
        <option value="SAVINGS">Savings</option>
      </select>
      <label htmlFor={`${id}-currency`}>Currency</label>
      <select id={`${id}-currency`} name="currency">
        {['EUR', 'USD', 'GBP', 'CHF'].map((code) => (
          <option key={code}>{code}</option>
        ))}
      </select>
      <button type="submit" disabled={loading}>
        Open account
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
