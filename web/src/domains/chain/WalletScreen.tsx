import { useId, type FormEvent } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { WebSendTransferDocument, WebTransactionUpdatedDocument, WebWalletsDocument } from '../../graphql/graphql';
import { formatWei, parseEther } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';

export default function WalletScreen() {
  const { data, loading, error, refetch } = useQuery(WebWalletsDocument);
  // Confirmations arrive live; Apollo's cache merges each update into the transaction by id.
  useSubscription(WebTransactionUpdatedDocument, { variables: { walletId: null }, onData: () => void refetch() });
  const wallets = data?.me?.wallets?.edges.map((edge) => edge.node) ?? [];
  const symbol = data?.chainNetwork.currencySymbol ?? 'ETH';
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Wallet</h1>
      {data && (
        <p className="meta">
          {data.chainNetwork.name} · block {data.chainNetwork.latestBlock}
        </p>
      )}
      {loading && !data && <Loading label="Loading wallets…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && wallets.length === 0 && <Empty>No wallets yet.</Empty>}
      {wallets.map((wallet) => (
        <article key={wallet.id} className="card" aria-label={`Wallet ${wallet.label}`}>
          <h2>{wallet.label}</h2>
          <p>
            <code>{wallet.address}</code>
          </p>
          <p className="big">{formatWei(wallet.balance, symbol)}</p>
          <SendForm walletId={wallet.id} symbol={symbol} onSent={() => void refetch()} />
          <h3>Transactions</h3>
          {wallet.transactions.edges.length === 0 && <Empty>None yet.</Empty>}
          <ul>
            {wallet.transactions.edges.map(({ node }) => (
              <li key={node.id}>
                {node.kind.toLowerCase()} {formatWei(node.value, symbol)} → <code>{node.to ? `${node.to.slice(0, 10)}…` : 'contract'}</code> · {node.status.toLowerCase()} ({node.confirmations} confirmations)
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}

function SendForm({ walletId, symbol, onSent }: { walletId: string; symbol: string; onSent: () => void }) {
  const [send, { loading, error }] = useMutation(WebSendTransferDocument);
  const id = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const amount = parseEther(String(values.get('amount')));
    if (!amount) return;
    void send({ variables: { input: { walletId, to: String(values.get('to')).trim(), amount } } }).then(
      () => {
        form.reset();
        onSent();
      },
      () => undefined,
    );
  };
  return (
    <form className="row-form" onSubmit={onSubmit} aria-label="Send">
      <label htmlFor={`${id}-to`}>To address</label>
      <input id={`${id}-to`} name="to" required pattern="0x[0-9a-fA-F]{40}" placeholder="0x…" />
      <label htmlFor={`${id}-amount`}>Amount ({symbol})</label>
      <input id={`${id}-amount`} name="amount" required inputMode="decimal" pattern="\d+(\.\d{1,18})?" />
      <button type="submit" disabled={loading}>
        {loading ? 'Sending…' : 'Send'}
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
