import { describe, expect, it } from 'vitest';
import type { FetchNode } from '@apollo/query-planner';
import { mergedEntityFetch, numberOf, orderedForMerge, splitMergedResponse } from '../src/execution/merged-fetches';

const fetchOf = (operation: string): FetchNode => ({ kind: 'Fetch', serviceName: 'inventory', operation, operationName: undefined, operationKind: 'query' as FetchNode['operationKind'], requires: [] });

describe('merged entity fetches', () => {
  const a = fetchOf('query($representations:[_Any!]!,$locale:String){_entities(representations:$representations){...on Product{inStock(locale:$locale)}}}');
  const b = fetchOf('query($representations:[_Any!]!){_entities(representations:$representations){..._generated_onProduct1_0}}fragment _generated_onProduct1_0 on Product{shippingEstimate}');
  // Fetches are ordered by when the process first saw them (plan order in practice).
  numberOf(a);
  numberOf(b);

  it('aliases each fetch, renames its representations and fragments, shares the client variables, and deduplicates each list', () => {
    const members = orderedForMerge([
      { fetch: a, representations: [{ __typename: 'Product', upc: '1' }, { __typename: 'Product', upc: '1' }] },
      { fetch: b, representations: [{ __typename: 'Product', upc: '2', price: 1 }] },
    ]);
    const merged = mergedEntityFetch(members, { locale: 'fr' });
    expect(merged.query).toBe(
      'query($__r0:[_Any!]!$locale:String$__r1:[_Any!]!){_0:_entities(representations:$__r0){...on Product{inStock(locale:$locale)}}_1:_entities(representations:$__r1){..._generated_onProduct1_0__1}}fragment _generated_onProduct1_0__1 on Product{shippingEstimate}',
    );
    expect(merged.variables).toEqual({ locale: 'fr', __r0: [{ __typename: 'Product', upc: '1' }], __r1: [{ __typename: 'Product', upc: '2', price: 1 }] });
  });

  it('gives each fetch its data and errors at `_entities` paths, expanded back; errors naming no fetch go to each', () => {
    const members = orderedForMerge([
      { fetch: a, representations: [{ __typename: 'Product', upc: '1' }, { __typename: 'Product', upc: '1' }] },
      { fetch: b, representations: [{ __typename: 'Product', upc: '2' }] },
    ]);
    const { unexpand } = mergedEntityFetch(members, {});
    const parts = splitMergedResponse(
      {
        data: { _0: [{ inStock: true }], _1: [null] },
        errors: [
          { message: 'gone', path: ['_1', 0] },
          { message: 'slow', path: ['_0', 0, 'inStock'] },
          { message: 'everywhere' },
        ],
      },
      2,
      unexpand,
    );
    expect(parts[0]).toEqual({
      data: { _entities: [{ inStock: true }, { inStock: true }] },
      errors: [{ message: 'everywhere' }, { message: 'slow', path: ['_entities', 0, 'inStock'] }, { message: 'slow', path: ['_entities', 1, 'inStock'] }],
    });
    expect(parts[0]!.data!._entities).not.toBe(undefined);
    expect(parts[1]).toEqual({ data: { _entities: [null] }, errors: [{ message: 'gone', path: ['_entities', 0] }, { message: 'everywhere' }] });
  });
});
