import type { SeedContext } from '@mosaic/kit';

const SAVE = `mutation($input: SaveWeatherLocationInput!) { saveWeatherLocation(input: $input) { id } }`;

/** Demo data for `pnpm start`: the demo user watches Berlin and Tokyo (warnings with the default thresholds). */
export async function seedWeather(seed: SeedContext): Promise<void> {
  await seed.graphql(SAVE, { input: { name: 'Home', place: 'Berlin' } }, 'user');
  await seed.graphql(SAVE, { input: { name: 'Conference', place: 'Tokyo', thresholds: { heat: 28, windGusts: 60 } } }, 'user');
}
