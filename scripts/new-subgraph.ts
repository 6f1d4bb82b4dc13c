import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * `pnpm new:subgraph <name> [--entity <Entity>] [--port <port>]`: a new subgraph in the fixed shape
 * (docs/adding-a-subgraph.md) — SDL extending `User`, a query and a mutation going resolver →
 * domain → repo, a table and its migration, settings, seed data, an integration and a gateway
 * test — registered in platform/src/registry.ts, with every derived file regenerated. The whole
 * test command passes straight after.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const templateDir = join(root, 'scripts', 'subgraph-template');
const registryFile = join(root, 'platform', 'src', 'registry.ts');

/** Names that are not domains: they would collide with folders, routes, schemas or packages. */
const RESERVED = new Set(['gateway', 'platform', 'kit', 'testing', 'bench', 'web', 'schema', 'graphql', 'public', 'mosaic', 'service', 'services', 'healthz', 'readyz', 'metrics']);

function fail(message: string): never {
  console.error(`new:subgraph: ${message}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({ options: { entity: { type: 'string' }, port: { type: 'string' }, 'skip-install': { type: 'boolean' } }, allowPositionals: true });
const name = positionals[0];
if (!name || positionals.length !== 1) fail('usage: pnpm new:subgraph <name> [--entity <Entity>] [--port <port>]   e.g. pnpm new:subgraph links --entity Link');
if (!/^[a-z][a-z0-9]{1,29}$/.test(name)) fail(`"${name}": use 2–30 lower-case letters and digits, starting with a letter (it names a folder, a PostgreSQL schema and environment variables).`);
if (RESERVED.has(name)) fail(`"${name}" is reserved.`);
if (existsSync(join(root, 'subgraphs', name))) fail(`subgraphs/${name} already exists.`);

const registrySource = readFileSync(registryFile, 'utf8');
if (registrySource.includes(`name: '${name}'`)) fail(`"${name}" is already in platform/src/registry.ts.`);
const ports = [...registrySource.matchAll(/port: (\d+)/g)].map((match) => Number(match[1]));
const port = values.port ? Number(values.port) : Math.max(4000, ...ports) + 1;
if (!Number.isInteger(port) || port <= 4000 || port > 65535 || ports.includes(port)) fail(`--port ${values.port}: use a free port above 4000 not in the registry (taken: ${ports.join(', ')}).`);

const pascal = name[0]!.toUpperCase() + name.slice(1);
const entity = values.entity ?? (pascal.endsWith('s') && pascal.length > 3 ? pascal.slice(0, -1) : pascal);
if (!/^[A-Z][A-Za-z0-9]{1,39}$/.test(entity)) fail(`--entity "${entity}": use a PascalCase type name, e.g. Link.`);
const entityField = entity[0]!.toLowerCase() + entity.slice(1);
const plural = `${entityField}s`;
const kebab = (value: string) => value.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const snake = (value: string) => value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

const placeholders: [string, string][] = [
  ['__ENTITY_FIELD__', entityField],
  ['__ENTITY_FILE__', kebab(entity)],
  ['__ENTITY__', entity],
  ['__PLURAL__', plural],
  ['__TABLE__', snake(plural)],
  ['__SCREAMING__', name.toUpperCase()],
  ['__PASCAL__', pascal],
  ['__CAMEL__', name],
  ['__NAME__', name],
];
const fill = (text: string) => placeholders.reduce((result, [key, value]) => result.replaceAll(key, value), text);

function templates(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? templates(path) : [path];
  });
}

const target = join(root, 'subgraphs', name);
for (const template of templates(templateDir)) {
  const destination = join(target, fill(relative(templateDir, template)).replace(/\.tmpl$/, ''));
  mkdirSync(dirname(destination), { recursive: true });
  writeFileSync(destination, fill(readFileSync(template, 'utf8')));
}

const line = `  { name: '${name}', port: ${port}, load: () => import('../../subgraphs/${name}/src/index') },\n`;
const end = registrySource.indexOf('];', registrySource.indexOf('export const registry'));
writeFileSync(registryFile, registrySource.slice(0, end) + line + registrySource.slice(end));

/** pnpm as this command was started with (`npx -y pnpm@… new:subgraph`), else the pinned one through npx. */
function pnpm(args: string[], cwd = root): void {
  const launcher = process.env.npm_execpath;
  const [command, prefix] = launcher && /pnpm/.test(launcher) ? [process.execPath, [launcher]] : ['npx', ['-y', 'pnpm@10.34.9']];
  execFileSync(command, [...prefix, ...args], { cwd, stdio: 'inherit' });
}

if (!values['skip-install']) pnpm(['install', '--prefer-offline', '--no-frozen-lockfile']);
execFileSync(join(target, 'node_modules', '.bin', 'drizzle-kit'), ['generate', '--name', 'init'], { cwd: target, stdio: 'inherit' });
pnpm(['codegen']);
pnpm(['compose']);

console.log(`
Created subgraphs/${name} (port ${port}, PostgreSQL schema "${name}", type ${entity}) and registered it.
Next: shape src/schema.graphql for the domain, then \`pnpm codegen\`; after table changes
\`cd subgraphs/${name} && npx drizzle-kit generate --name <change>\`; \`pnpm compose\` after SDL or
registry changes. docs/adding-a-subgraph.md explains the shape and the choices a domain makes.
`);
