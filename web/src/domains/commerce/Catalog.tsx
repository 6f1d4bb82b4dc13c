import { useDeferredValue, useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { WebAddToCartDocument, WebCartDocument, WebProductsDocument, type ShopProductFragment } from '../../graphql/graphql';
import { formatMoney } from '../../ui/format';
import { markedText } from '../../ui/marked-text';
import { Empty, ErrorNotice, Loading } from '../../ui/status';

export function Catalog() {
  const id = useId();
  const [search, setSearch] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [inStock, setInStock] = useState(false);
  const deferred = useDeferredValue(search.trim());
  const { data, loading, error, refetch } = useQuery(WebProductsDocument, {
    variables: { search: deferred || null, filter: { categoryId: categoryId || null, inStock: inStock || null } },
  });
  const edges = data?.products.edges ?? [];
  return (
    <>
      <form className="row-form" role="search" aria-label="Search the catalog" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={`${id}-search`}>Search products</label>
        <input id={`${id}-search`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="e.g. linen shirt" />
        <label htmlFor={`${id}-category`}>Category</label>
        <select id={`${id}-category`} value={categoryId} onChange={(event) => setCategoryId(event.target.value)}>
          <option value="">All</option>
          {data?.categories.map((category) => (
            <optgroup key={category.id} label={category.name}>
              <option value={category.id}>All of {category.name}</option>
              {category.children.map((child) => (
                <option key={child.id} value={child.id}>
                  {child.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <label className="inline">
          <input type="checkbox" checked={inStock} onChange={(event) => setInStock(event.target.checked)} /> In stock only
        </label>
      </form>
      {loading && !data && <Loading label="Loading the catalog…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && edges.length === 0 && <Empty>{deferred ? `No product matches "${deferred}".` : 'No products here.'}</Empty>}
      <ul className="cards" aria-label="Products">
        {edges.map(({ node, highlight }) => (
          <ProductCard key={node.id} product={node} highlight={highlight ?? null} />
        ))}
      </ul>
    </>
  );
}

function ProductCard({ product, highlight }: { product: ShopProductFragment; highlight: string | null }) {
  const id = useId();
  const [add, { loading, error, data }] = useMutation(WebAddToCartDocument, { refetchQueries: [WebCartDocument] });
  const buyable = product.variants.filter((variant) => variant.inStock);
  const range = product.priceRange;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    void add({ variables: { input: { variantId: String(values.get('variant')), quantity: Number(values.get('quantity')) } } }).catch(() => undefined);
  };
  return (
    <li className="card" aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`}>{product.name}</h2>
      <p className="meta">
        {product.category?.name}
        {range && ` · ${range.min.amount === range.max.amount ? formatMoney(range.min.amount, range.min.currency) : `${formatMoney(range.min.amount, range.min.currency)} – ${formatMoney(range.max.amount, range.max.currency)}`}`}
      </p>
      <p>{highlight ? markedText(highlight) : product.description}</p>
      {buyable.length === 0 ? (
        <p className="meta">Out of stock</p>
      ) : (
        <form className="row-form" onSubmit={onSubmit} aria-label={`Add ${product.name} to the cart`}>
          <label htmlFor={`${id}-variant`} className="visually-hidden">
            Variant of {product.name}
          </label>
          <select id={`${id}-variant`} name="variant">
            {buyable.map((variant) => (
              <option key={variant.id} value={variant.id}>
                {variant.name} — {formatMoney(variant.price.amount, variant.price.currency)} ({variant.available} left)
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-qty`}>Quantity</label>
          <input id={`${id}-qty`} name="quantity" type="number" min={1} max={100} defaultValue={1} required className="narrow" />
          <button type="submit" disabled={loading}>
            {loading ? 'Adding…' : 'Add to cart'}
          </button>
          {data && !loading && (
            <span role="status" className="meta">
              Added. {data.addToCart.cart.itemCount} in the cart.
            </span>
          )}
          {error && <ErrorNotice error={error} />}
        </form>
      )}
    </li>
  );
}
