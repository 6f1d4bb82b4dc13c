import { readFileSync } from 'node:fs';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@mosaic/testing';
import { armorFor, DEFAULT_OPERATION_LIMITS } from '../src/http/operation-limits';

/**
 * The trusted documents the gateway loads must pass its own operation limits (depth, cost…): a
 * document over them is refused on every request, which a client only finds out at run time (the
 * web app's bank accounts with their movements nested inside were one).
 */
const schema = buildSchema(readFileSync(`${repoRoot}/schema/api.graphql`, 'utf8'));
const rules = [...specifiedRules, ...armorFor(DEFAULT_OPERATION_LIMITS, true).validationRules];
const manifests = ['web/src/graphql/persisted-documents.json', 'schema/client/persisted-documents.json'];

describe('persisted documents within the operation limits', () => {
  for (const manifest of manifests) {
    it(`${manifest}: every document validates with the default limits`, () => {
      const documents = JSON.parse(readFileSync(`${repoRoot}/${manifest}`, 'utf8')) as Record<string, string>;
      const refused = Object.values(documents).flatMap((document) => {
        const name = /\b(?:query|mutation|subscription)\s+(\w+)/.exec(document)?.[1] ?? document.slice(0, 40);
        try {
          return validate(schema, parse(document, { maxTokens: DEFAULT_OPERATION_LIMITS.maxTokens }), rules).map((error) => `${name}: ${error.message}`);
        } catch (error) {
          // graphql-armor's cost rule throws instead of reporting.
          return [`${name}: ${(error as Error).message}`];
        }
      });
      expect(Object.keys(documents).length).toBeGreaterThan(0);
      expect(refused).toEqual([]);
    });
  }
});
