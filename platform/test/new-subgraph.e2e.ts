import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@mosaic/testing';

/**
 * The recipe as a newcomer uses it, on a copy of this checkout: `pnpm new:subgraph` writes a domain
 * that composes, typechecks and passes its own integration and gateway tests with no other file
 * edited by hand; deleting its folder and registry line (then install + compose) leaves the tree
 * exactly as it was.
 */
const copy = mkdtempSync(join(tmpdir(), 'mosaic-scaffold-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync(command, args, { cwd: copy, env: { ...process.env, ...env }, encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
const pnpm = (...args: string[]) => run('npx', ['-y', 'pnpm@10.34.9', ...args]);
const git = (...args: string[]) => run('git', ['-c', 'user.email=test@mosaic.dev', '-c', 'user.name=test', ...args]);

function copyCheckout(): void {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(copy, file));
  }
}

describe('pnpm new:subgraph', () => {
  it('adds a working domain with one folder and one registry line, and removing them restores the tree', () => {
    copyCheckout();
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'before');
    pnpm('install', '--offline', '--frozen-lockfile');

    pnpm('new:subgraph', 'gadgets', '--entity', 'Gadget');
    const changed = git('status', '--porcelain').split('\n').filter(Boolean).map((line) => line.slice(3));
    // Only the folder, the registry line, and files derived from them.
    expect(changed.sort()).toEqual(
      ['deploy/k8s/config.yaml', 'deploy/k8s/subgraphs.yaml', 'docker-compose.yml', 'platform/src/registry.ts', 'pnpm-lock.yaml', 'schema/api.graphql', 'schema/scopes.json', 'schema/supergraph.graphql', 'subgraphs/gadgets/', 'supergraph.yaml'].sort(),
    );
    expect(readFileSync(join(copy, 'schema/supergraph.graphql'), 'utf8')).toMatch(/GADGETS @join__graph\(name: "gadgets", url: "http:\/\/localhost:\d+\/graphql"\)/);
    expect(readFileSync(join(copy, 'docker-compose.yml'), 'utf8')).toContain('SUBGRAPH_URL_GADGETS: http://gadgets:');
    expect(readFileSync(join(copy, 'deploy/k8s/subgraphs.yaml'), 'utf8')).toContain('name: gadgets');

    // Its package typechecks (with everything it imports) and lints.
    run(join(copy, 'node_modules/.bin/tsc'), ['-p', 'subgraphs/gadgets/tsconfig.json', '--noEmit']);
    run(join(copy, 'node_modules/.bin/eslint'), ['subgraphs/gadgets', 'platform/src/registry.ts']);
    // Its own tests, and the checks that generated files are current and deployable (a failure throws).
    run(join(copy, 'node_modules/.bin/vitest'), ['run', 'subgraphs/gadgets', 'platform/test/supergraph.test.ts', 'platform/test/deploy.test.ts'], { STOCKS_SIM_WARMUP_DAYS: '0' });

    rmSync(join(copy, 'subgraphs/gadgets'), { recursive: true });
    const registry = readFileSync(join(copy, 'platform/src/registry.ts'), 'utf8');
    writeFileSync(join(copy, 'platform/src/registry.ts'), registry.replace(/^ {2}\{ name: 'gadgets'.*\n/m, ''));
    pnpm('install', '--offline', '--no-frozen-lockfile');
    pnpm('compose');
    expect(git('status', '--porcelain')).toBe('');
  }, 600_000);
});
