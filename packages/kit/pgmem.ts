const { PGlite } = await import('@electric-sql/pglite');
const mb = () => Math.round(process.memoryUsage().rss / 1048576);
const opts = JSON.parse(process.env.OPTS ?? '{}');
const dir = process.env.DIR ?? 'memory://';
console.log('before', mb(), JSON.stringify(opts), dir);
const db = await PGlite.create(dir, opts);
console.log('after create', mb(), 'ext', Math.round(process.memoryUsage().external/1048576), 'ab', Math.round(process.memoryUsage().arrayBuffers/1048576));
await db.exec("create table if not exists t (id int primary key, v text); insert into t select g, repeat('x', 100) from generate_series(1, 200000) g on conflict do nothing;");
console.log('after 200k rows', mb());
