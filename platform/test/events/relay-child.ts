/**
 * A relay in its own process that stops dead after the broker confirmed its first batch and
 * before it marks the rows sent: the parent test SIGKILLs it there.
 * argv: database url, schema, event domain.
 */
import { openSqlClient } from '@mosaic/kit';
import { busOver, testCatalog, transportFor } from './harness';

const [url, schema, domain] = process.argv.slice(2) as [string, string, string];
const client = await openSqlClient({ kind: 'postgres', url, poolMax: 2 });
const bus = busOver(await transportFor('rabbitmq'));
const events = bus.forSubgraph(schema, client, {
  onPublished: (rows) => {
    process.send?.({ published: rows.length });
    return new Promise<void>(() => {});
  },
});
events.outbox(testCatalog(domain));
await events.start();
