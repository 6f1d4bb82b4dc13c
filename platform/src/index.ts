export { startGraph, type GraphOptions, type RunningGraph } from './start-graph';
export { registry, loadSubgraphs } from './registry';
export { composeSupergraph } from './compose';
