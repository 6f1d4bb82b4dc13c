import { useId } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { WebRecommendationsDocument, type PickedItemFragment } from '../../graphql/graphql';
import { formatMoney } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';

export default function ForYouScreen() {
  const id = useId();
  const { data, loading, error, refetch } = useQuery(WebRecommendationsDocument);
  const products = data?.me?.products ?? [];
  const posts = data?.me?.posts ?? [];
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>For you</h1>
      {loading && !data && <Loading label="Picking things for you…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && (
        <>
          <Picks title="Products for you" picks={products} empty="Nothing yet — browse the shop and we will learn what you like." />
          <Picks title="Posts for you" picks={posts} empty="Nothing yet — read a post or two." />
          <Picks title="Trending in the shop" picks={data.trendingProducts} empty="Nothing is trending yet." />
        </>
      )}
    </section>
  );
}

function Picks({ title, picks, empty }: { title: string; picks: readonly PickedItemFragment[]; empty: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {picks.length === 0 && <Empty>{empty}</Empty>}
      <ol className="cards" aria-label={title}>
        {picks.map(({ item, reason, score }) => (
          <li key={item.id} className="card">
            {item.__typename === 'Product' ? (
              <>
                <h3>
                  <Link to="/shop">{item.name}</Link>
                </h3>
                {item.priceRange && <p className="meta">from {formatMoney(item.priceRange.min.amount, item.priceRange.min.currency)}</p>}
              </>
            ) : (
              <>
                <h3>
                  <Link to={`/blog/${item.slug}`}>{item.title}</Link>
                </h3>
                <p className="meta">{item.excerpt}</p>
              </>
            )}
            <p className="reason" title={`score ${score.toFixed(2)}`}>
              {reason}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
