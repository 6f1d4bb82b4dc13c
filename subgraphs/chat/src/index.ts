import { defineSubgraph } from '@mosaic/kit';
import { buildSubgraph } from './build';
import { seedChat } from './seed';

export default defineSubgraph(import.meta.url, { seed: seedChat, build: buildSubgraph });
