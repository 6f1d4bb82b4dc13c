export { startGraph, type GraphOptions, type RunningGraph } from './start-graph';
export { subgraphModules } from './registry';
export { composeSupergraph } from './compose';
