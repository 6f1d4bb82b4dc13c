import { describe, expect, it } from 'vitest';
import { GATEWAY_PATHS } from '@mosaic/kit';
import { isReserved } from '../../subgraphs/links/src/domain/codes';
import { loadSubgraphs } from '../src/registry';

/** Short links live at `/<code>`, beside every other public path of the graph at the same origin. */
describe('short-link codes', () => {
  it('never take the first segment of a path another subgraph serves publicly, nor a gateway path', async () => {
    const claimed = (await loadSubgraphs()).flatMap(({ module }) => (module.deployment.publicPaths ?? []).map((prefix) => ({ owner: module.name, prefix })));
    const segments = [...claimed.map(({ prefix }) => prefix), ...GATEWAY_PATHS].map((path) => path.split('/')[1]!).filter(Boolean);
    expect(segments).toEqual(expect.arrayContaining(['notes', 'files', 'auth', 'oidc', 'graphql']));
    const unreserved = segments.filter((segment) => !isReserved(segment) || !isReserved(segment.toUpperCase()));
    expect(unreserved, 'run `pnpm compose` (links reads schema/public-paths.json)').toEqual([]);
  });
});
