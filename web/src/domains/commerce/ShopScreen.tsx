import { useId } from 'react';
import { useQuery } from '@apollo/client/react';
import { NavLink, Route, Routes } from 'react-router';
import { WebCartDocument } from '../../graphql/graphql';
import { Catalog } from './Catalog';
import { CartView } from './CartView';
import { Orders } from './Orders';

/** The shop: catalog (search, categories), the cart with checkout, and orders that update live. */
export default function ShopScreen() {
  const id = useId();
  const { data } = useQuery(WebCartDocument);
  const count = data?.cart?.itemCount ?? 0;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Shop</h1>
      <nav aria-label="Shop" className="tabs">
        <NavLink to="" end>
          Catalog
        </NavLink>
        <NavLink to="cart">Cart{count > 0 ? ` (${count})` : ''}</NavLink>
        <NavLink to="orders">Orders</NavLink>
      </nav>
      <Routes>
        <Route index element={<Catalog />} />
        <Route path="cart" element={<CartView />} />
        <Route path="orders" element={<Orders />} />
      </Routes>
    </section>
  );
}
