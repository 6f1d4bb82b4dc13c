import { useId } from 'react';
import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { WebBankAccountPostingsDocument, WebBankingDocument, WebTransferReceivedDocument, type BankAccountSummaryFragment } from '../../graphql/graphql';
import { formatDateTime, formatMoney } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { OpenAccount } from './OpenAccount';
import { Payees } from './Payees';
import { TransferForm } from './TransferForm';

export default function BankingScreen() {
  const id = useId();
  const { data, loading, error, refetch } = useQuery(WebBankingDocument);
  const client = useApolloClient();
  // Balances and every card's movements.
  const refetchAll = () => void client.refetchQueries({ include: 'active' });
  useSubscription(WebTransferReceivedDocument, { onData: refetchAll });
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
          {accounts.length > 0 && <TransferForm accounts={accounts} payees={payees} onDone={refetchAll} />}
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
      <Movements account={account} />
    </li>
  );
}

function Movements({ account }: { account: BankAccountSummaryFragment }) {
  const { data, loading, error, refetch } = useQuery(WebBankAccountPostingsDocument, { variables: { id: account.id } });
  const postings = data?.bankAccount?.postings.edges.map((edge) => edge.node) ?? [];
  if (loading && !data) return <Loading label="Loading movements…" />;
  if (error) return <ErrorNotice error={error} retry={() => void refetch()} />;
  if (postings.length === 0) return <Empty>No movements yet.</Empty>;
  return (
    <ul className="postings" aria-label={`Movements of ${account.name}`}>
      {postings.map((posting) => (
        <li key={posting.id}>
          <span className={posting.direction === 'CREDIT' ? 'up' : 'down'}>
            {posting.direction === 'CREDIT' ? '+' : '−'}
            {formatMoney(posting.amount, posting.currency)}
          </span>{' '}
          {posting.transfer.reference || posting.counterparty.holderName || posting.counterparty.maskedNumber}
          <span className="meta"> · {formatDateTime(posting.postedAt)}</span>
        </li>
      ))}
    </ul>
  );
}
