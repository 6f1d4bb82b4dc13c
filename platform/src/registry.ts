import { accounts, type AccountsDeps } from '@mosaic/accounts';
import { chat } from '@mosaic/chat';
import type { SubgraphModule } from '@mosaic/kit';
import { notes } from '@mosaic/notes';
import { stocks } from '@mosaic/stocks';
import { todos } from '@mosaic/todos';

/**
 * Every subgraph of the graph, in composition order. The platform is the composition root: the
 * only package that knows them all (composition, all-in-one, migrations).
 */
export type PlatformDeps = AccountsDeps;

export const subgraphModules: readonly SubgraphModule<PlatformDeps>[] = [accounts, todos, notes, chat, stocks];
