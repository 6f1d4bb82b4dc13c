import { useId, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { WebLinksDocument, WebShortenLinkDocument } from '../../graphql/graphql';
import { DailyBars } from '../../ui/charts';
import { Empty, ErrorNotice, Loading } from '../../ui/status';

export default function LinksScreen() {
  const { data, loading, error, refetch } = useQuery(WebLinksDocument);
  const [shorten, shortening] = useMutation(WebShortenLinkDocument);
  const links = data?.me?.links?.edges.map((edge) => edge.node) ?? [];
  const id = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const alias = String(values.get('alias') ?? '').trim();
    void shorten({ variables: { input: { url: String(values.get('url')), alias: alias || null } } }).then(
      () => {
        form.reset();
        void refetch();
      },
      () => undefined,
    );
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Short links</h1>
      <form className="row-form" onSubmit={onSubmit} aria-label="Shorten a link">
        <label htmlFor={`${id}-url`}>Long URL</label>
        <input id={`${id}-url`} name="url" type="url" required placeholder="https://…" />
        <label htmlFor={`${id}-alias`}>Alias (optional)</label>
        <input id={`${id}-alias`} name="alias" pattern="[A-Za-z0-9_\-]{3,64}" />
        <button type="submit" disabled={shortening.loading}>
          Shorten
        </button>
        {shortening.error && <ErrorNotice error={shortening.error} />}
      </form>
      {loading && !data && <Loading label="Loading links…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && links.length === 0 && <Empty>No links yet.</Empty>}
      <ul className="cards" aria-label="Links">
        {links.map((link) => (
          <li key={link.id} className="card">
            <h2>
              <a href={link.shortUrl}>{link.shortUrl}</a>
            </h2>
            <p className="meta">→ {link.title ?? link.targetUrl}</p>
            <p>
              {link.stats?.totalVisits ?? link.visitCount} visits · {link.stats?.uniqueVisitors ?? 0} unique visitors
            </p>
            {link.stats && link.stats.byDay.length > 0 && (
              <DailyBars bars={link.stats.byDay.map((day) => ({ time: day.date, value: day.visits }))} label={`Visits per day to ${link.code}`} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
