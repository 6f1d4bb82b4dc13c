import { useQuery, useSubscription } from '@apollo/client/react';
import { WebOrderUpdatedDocument, WebOrdersDocument } from '../../graphql/graphql';
import { formatDateTime, formatMoney } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';

const STATUS_LABEL: Record<string, string> = { PENDING: 'Awaiting payment', PAID: 'Paid', FULFILLED: 'Shipped', DELIVERED: 'Delivered', CANCELLED: 'Cancelled', REFUNDED: 'Refunded' };

export function Orders() {
  const { data, loading, error, refetch } = useQuery(WebOrdersDocument);
  const orders = data?.me?.orders?.edges.map((edge) => edge.node) ?? [];
  // Each change arrives as the order itself: Apollo's cache updates it by id; an order this list
  // has not seen yet (placed in another tab) is fetched with the list.
  useSubscription(WebOrderUpdatedDocument, {
    onData: ({ data: update }) => {
      const id = update.data?.orderUpdated?.id;
      if (id && !orders.some((order) => order.id === id)) void refetch();
    },
  });
  if (loading && !data) return <Loading label="Loading your orders…" />;
  if (error) return <ErrorNotice error={error} retry={() => void refetch()} />;
  if (orders.length === 0) return <Empty>No orders yet.</Empty>;
  return (
    <ul className="cards" aria-label="Orders">
      {orders.map((order) => (
        <li key={order.id} className="card" aria-label={`Order of ${formatDateTime(order.placedAt)}`}>
          <h2>
            <span className={`status status-${order.status.toLowerCase()}`} data-testid="order-status">
              {STATUS_LABEL[order.status] ?? order.status}
            </span>{' '}
            {formatMoney(order.total.amount, order.total.currency)}
          </h2>
          <p className="meta">
            <time dateTime={order.placedAt}>{formatDateTime(order.placedAt)}</time> · {order.paymentProvider}
          </p>
          <ul>
            {order.lines.map((line, index) => (
              <li key={index}>
                {line.quantity} × {line.productName} ({line.variantName}) — {formatMoney(line.lineTotal.amount, line.lineTotal.currency)}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
