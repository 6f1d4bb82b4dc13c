/** The recommenders without the service, for the benchmark and the evaluation command. */
export { toCells } from './behaviour';
export { DEFAULT_TRAINING, trainModel } from './model';
export { scoreForUser, DEFAULT_BLEND } from './score';
export { SYNTHETIC_DEFAULTS, syntheticBehaviour } from './synthetic';
export { trainInWorker } from './trainer';
export { deserializeModel } from './serialize';
