import { readFileSync } from 'node:fs';

/**
 * Prints where a V8 .cpuprofile spent its samples: by package, by function, and inclusive time of
 * key steps. With `lastSeconds`, only the samples of the profile's last seconds count (the load,
 * not the process's start-up and warm-up).
 */
export function summarizeProfile(file: string, lastSeconds?: number): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] }[]; samples: number[]; timeDeltas: number[] };
  if (lastSeconds !== undefined) keepLastSeconds(profile, lastSeconds);
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.replace(/.*node_modules\//, '').replace('file:///work/main/', '')}:${node.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + node.hitCount);
    total += node.hitCount;
  }
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const url = node.callFrame.url;
    const pkg = url.includes('node_modules/') ? url.replace(/.*node_modules\//, '').split('/').slice(0, url.includes('/@') ? 2 : 1).join('/') : url.startsWith('node:') ? url : url ? 'mosaic' : node.callFrame.functionName;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + node.hitCount);
  }
  console.log('--- by package');
  for (const [k, v] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(((v / total) * 100).toFixed(1).padStart(5), k);
  console.log('--- top functions');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(((v / total) * 100).toFixed(1).padStart(5), k);

  // Inclusive time of selected functions (sample counts over their subtrees).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = (node: (typeof profile.nodes)[number]): number => node.hitCount + (node.children ?? []).reduce((sum, id) => sum + inclusive(byId.get(id)!), 0);
  const watched = (process.env.INCLUSIVE ?? 'processGraphQLRequest,executeQueryPlan,computeResponse,executeNode,prettyJSONStringify,parseResponse,send,dedupeRepresentations,expandEntities,willSendResponse,requestDidStart,validate,executeHTTPGraphQLRequest,graphqlHandler,deepMerge,flattenResultsAtPath').split(',');
  const totals = new Map<string, number>();
  const visit = (node: (typeof profile.nodes)[number], inside: Set<string>) => {
    const name = node.callFrame.functionName;
    const entering = watched.includes(name) && !inside.has(name);
    if (entering) totals.set(name, (totals.get(name) ?? 0) + inclusive(node));
    const next = entering ? new Set([...inside, name]) : inside;
    for (const id of node.children ?? []) visit(byId.get(id)!, next);
  };
  visit(profile.nodes[0]!, new Set());
  console.log('--- inclusive');
  for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1])) console.log(((v / total) * 100).toFixed(1).padStart(5), k);
}

/** Recounts every node's hits from the samples taken in the profile's last `seconds`. */
function keepLastSeconds(profile: { nodes: { id: number; hitCount: number }[]; samples: number[]; timeDeltas: number[] }, seconds: number): void {
  const at: number[] = [];
  let t = 0;
  for (const delta of profile.timeDeltas) at.push((t += delta));
  const from = t - seconds * 1_000_000;
  const hits = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (at[i]! >= from) hits.set(id, (hits.get(id) ?? 0) + 1);
  });
  for (const node of profile.nodes) node.hitCount = hits.get(node.id) ?? 0;
}
