import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import {
  WebCartDocument,
  WebCheckoutQuoteDocument,
  WebConfirmPaymentDocument,
  WebOrdersDocument,
  WebPlaceOrderDocument,
  WebSetCartLineQuantityDocument,
  type CheckoutInput,
  type ShopCartFragment,
} from '../../graphql/graphql';
import { formatMoney } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';

export function CartView() {
  const { data, loading, error, refetch } = useQuery(WebCartDocument);
  const [placed, setPlaced] = useState<string | null>(null);
  if (placed) return <Payment orderId={placed} />;
  if (loading && !data) return <Loading label="Loading your cart…" />;
  if (error) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const cart = data?.cart;
  if (!cart || cart.lines.length === 0) {
    return (
      <Empty>
        Your cart is empty. <Link to="..">Browse the catalog</Link>.
      </Empty>
    );
  }
  return (
    <>
      <CartLines cart={cart} />
      <Checkout shippingMethods={data.shippingMethods} onPlaced={setPlaced} />
    </>
  );
}

function CartLines({ cart }: { cart: ShopCartFragment }) {
  const [setQuantity, { loading, error }] = useMutation(WebSetCartLineQuantityDocument);
  const change = (variantId: string, quantity: number) => void setQuantity({ variables: { input: { variantId, quantity } } }).catch(() => undefined);
  return (
    <>
      <table className="table">
        <caption className="visually-hidden">Cart</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Quantity</th>
            <th scope="col">Price</th>
            <th scope="col">Total</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cart.lines.map((line) => {
            const name = `${line.variant.product.name} (${line.variant.name})`;
            return (
              <tr key={line.variant.id}>
                <td>{name}</td>
                <td>
                  <input
                    type="number"
                    className="narrow"
                    aria-label={`Quantity of ${name}`}
                    min={0}
                    max={100}
                    defaultValue={line.quantity}
                    disabled={loading}
                    onBlur={(event) => Number(event.target.value) !== line.quantity && change(line.variant.id, Number(event.target.value))}
                  />
                </td>
                <td>{formatMoney(line.unitPrice.amount, line.unitPrice.currency)}</td>
                <td>{formatMoney(line.lineTotal.amount, line.lineTotal.currency)}</td>
                <td>
                  <button type="button" aria-label={`Remove ${name}`} disabled={loading} onClick={() => change(line.variant.id, 0)}>
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Subtotal ({cart.itemCount} items)
            </th>
            <td>{formatMoney(cart.subtotal.amount, cart.subtotal.currency)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      {error && <ErrorNotice error={error} />}
    </>
  );
}

interface ShippingMethodOption {
  code: string;
  name: string;
  price: { amount: number; currency: string };
}

/** Address and shipping → the server's quote (prices, discount, tax are computed there) → place the order. */
function Checkout({ shippingMethods, onPlaced }: { shippingMethods: readonly ShippingMethodOption[]; onPlaced: (orderId: string) => void }) {
  const id = useId();
  const [input, setInput] = useState<CheckoutInput | null>(null);
  const quote = useQuery(WebCheckoutQuoteDocument, { variables: { input: input! }, skip: !input, fetchPolicy: 'network-only' });
  const [place, placing] = useMutation(WebPlaceOrderDocument, { refetchQueries: [WebCartDocument, WebOrdersDocument] });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    setInput({
      shippingAddress: { name: text('name'), line1: text('line1'), line2: text('line2') || null, postalCode: text('postalCode'), city: text('city'), country: text('country').toUpperCase() },
      shippingMethod: text('shippingMethod'),
      promotionCode: text('promotionCode') || null,
    });
  };
  const totals = quote.data?.checkoutQuote;
  const money = (value: { amount: number; currency: string }) => formatMoney(value.amount, value.currency);
  return (
    <div className="checkout">
      <form className="stack-form card" onSubmit={onSubmit} aria-label="Checkout" onChange={() => setInput(null)}>
        <h2>Shipping</h2>
        <label htmlFor={`${id}-name`}>Full name</label>
        <input id={`${id}-name`} name="name" required autoComplete="name" />
        <label htmlFor={`${id}-line1`}>Street and number</label>
        <input id={`${id}-line1`} name="line1" required autoComplete="address-line1" />
        <label htmlFor={`${id}-line2`}>Address line 2 (optional)</label>
        <input id={`${id}-line2`} name="line2" autoComplete="address-line2" />
        <label htmlFor={`${id}-postal`}>Postal code</label>
        <input id={`${id}-postal`} name="postalCode" required autoComplete="postal-code" />
        <label htmlFor={`${id}-city`}>City</label>
        <input id={`${id}-city`} name="city" required autoComplete="address-level2" />
        <label htmlFor={`${id}-country`}>Country code (e.g. DE)</label>
        <input id={`${id}-country`} name="country" required pattern="[A-Za-z]{2}" maxLength={2} autoComplete="country" />
        <label htmlFor={`${id}-method`}>Shipping method</label>
        <select id={`${id}-method`} name="shippingMethod">
          {shippingMethods.map((method) => (
            <option key={method.code} value={method.code}>
              {method.name} — {money(method.price)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-promo`}>Promotion code (optional)</label>
        <input id={`${id}-promo`} name="promotionCode" />
        <button type="submit">Review totals</button>
      </form>
      {quote.loading && <Loading label="Computing totals…" />}
      {quote.error && <ErrorNotice error={quote.error} />}
      {totals && input && (
        <div className="card" aria-label="Order summary" role="region">
          <h2>Summary</h2>
          <dl className="totals">
            <dt>Subtotal</dt>
            <dd>{money(totals.subtotal)}</dd>
            <dt>Discount{totals.promotionCode ? ` (${totals.promotionCode})` : ''}</dt>
            <dd>−{money(totals.discount)}</dd>
            <dt>Shipping</dt>
            <dd>{money(totals.shipping)}</dd>
            <dt>{totals.taxLabel}</dt>
            <dd>{money(totals.tax)}</dd>
            <dt>Total</dt>
            <dd className="big">{money(totals.total)}</dd>
          </dl>
          <button type="button" className="primary" disabled={placing.loading} onClick={() => void place({ variables: { input } }).then((result) => result.data?.placeOrder && onPlaced(result.data.placeOrder.order.id), () => undefined)}>
            {placing.loading ? 'Placing…' : 'Place order'}
          </button>
          {placing.error && <ErrorNotice error={placing.error} />}
        </div>
      )}
    </div>
  );
}

/** The order is placed and its stock reserved; the configured provider takes the payment (offline here: it always goes through). */
function Payment({ orderId }: { orderId: string }) {
  const [confirm, { data, loading, error }] = useMutation(WebConfirmPaymentDocument, { refetchQueries: [WebOrdersDocument] });
  const order = data?.confirmPayment;
  return (
    <div className="card" role="region" aria-label="Payment">
      <h2>Order placed</h2>
      {order ? (
        <p role="status">
          Paid: {formatMoney(order.total.amount, order.total.currency)}. Thank you! <Link to="../orders">See your orders</Link>.
        </p>
      ) : (
        <>
          <p>Your items are reserved. Pay to complete the order (the offline provider accepts every payment).</p>
          <button type="button" className="primary" disabled={loading} onClick={() => void confirm({ variables: { orderId } }).catch(() => undefined)}>
            {loading ? 'Paying…' : 'Pay now'}
          </button>
        </>
      )}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
