import type { SeedContext } from '@mosaic/kit';

/** Demo data for `pnpm start`: placeholder seed (replaced below once the catalog is in). */
export async function seedCommerce(_seed: SeedContext): Promise<void> {}
