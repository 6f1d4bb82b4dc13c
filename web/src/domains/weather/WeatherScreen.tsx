import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { WebSavedLocationsDocument, WebWeatherDocument } from '../../graphql/graphql';
import { ErrorNotice, Loading } from '../../ui/status';

/** A place typed in, or a saved location (by its coordinates: its name is the owner's label). */
type Target = { label: string; place: string } | { label: string; coordinates: { latitude: number; longitude: number } };

export default function WeatherScreen() {
  const saved = useQuery(WebSavedLocationsDocument);
  const locations = saved.data?.me?.savedLocations ?? [];
  const [chosen, setChosen] = useState<Target | null>(null);
  const first = locations[0];
  const target: Target = chosen ?? (first ? { label: first.name, coordinates: { latitude: first.location.latitude, longitude: first.location.longitude } } : { label: 'Berlin', place: 'Berlin' });
  const id = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('place')).trim();
    if (text) setChosen({ label: text, place: text });
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Weather</h1>
      <form className="row-form" onSubmit={onSubmit} aria-label="Find a place">
        <label htmlFor={`${id}-place`}>Place</label>
        <input id={`${id}-place`} name="place" placeholder="City" />
        <button type="submit">Show</button>
      </form>
      {saved.error && <ErrorNotice error={saved.error} retry={() => void saved.refetch()} />}
      {locations.length > 0 && (
        <p>
          Saved:{' '}
          {locations.map((location) => (
            <button
              key={location.id}
              type="button"
              className="chip"
              aria-pressed={location.name === target.label}
              onClick={() => setChosen({ label: location.name, coordinates: { latitude: location.location.latitude, longitude: location.location.longitude } })}
            >
              {location.name}
              {location.location.name ? ` (${location.location.name})` : ''}
            </button>
          ))}
        </p>
      )}
      {saved.loading && !saved.data ? <Loading label="Loading your places…" /> : <Forecast target={target} />}
    </section>
  );
}

function Forecast({ target }: { target: Target }) {
  const place = target.label;
  const { data, loading, error, refetch } = useQuery(WebWeatherDocument, { variables: 'place' in target ? { place: target.place } : { coordinates: target.coordinates } });
  if (loading && !data) return <Loading label={`Loading weather for ${place}…`} />;
  if (error) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const weather = data?.weather;
  if (!weather) return <ErrorNotice error={`No weather for "${place}".`} />;
  return (
    <article className="card weather">
      <h2>
        {place}
        {weather.location.name && weather.location.name !== place ? ` · ${weather.location.name}` : ''}
        {weather.location.countryCode ? `, ${weather.location.countryCode}` : ''}
      </h2>
      <p className="big">{Math.round(weather.current.temperature)} °C</p>
      <p>
        {weather.current.description}; feels like {weather.current.apparentTemperature === null || weather.current.apparentTemperature === undefined ? '—' : `${Math.round(weather.current.apparentTemperature)} °C`}, wind {Math.round(weather.current.windSpeed)} km/h
      </p>
      <table>
        <caption>Next days</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Min</th>
            <th scope="col">Max</th>
            <th scope="col">Rain</th>
          </tr>
        </thead>
        <tbody>
          {weather.daily.days.map((day) => (
            <tr key={day.date}>
              <th scope="row">{new Date(`${day.date}T12:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' })}</th>
              <td>{Math.round(day.temperatureMin)} °C</td>
              <td>{Math.round(day.temperatureMax)} °C</td>
              <td>{day.precipitation === null || day.precipitation === undefined ? '—' : `${day.precipitation} mm`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="meta">
        Source: {weather.source.provider}
        {weather.source.simulated ? ' (simulated data, offline)' : ''}
        {weather.stale ? ' · may be out of date' : ''}
      </p>
    </article>
  );
}
