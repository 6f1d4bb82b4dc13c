/**
 * The worker that runs solc-js. Compiling is seconds of synchronous WebAssembly, so it runs off
 * the event loop; the worker's code is plain CommonJS so it runs the same from sources (tsx) and
 * from the bundled build. Imports resolve only inside @openzeppelin/contracts: a submitted source
 * can never read other files.
 */
export const COMPILER_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { join, normalize } = require('node:path');
const solc = require(workerData.solcPath);
const prefix = '@openzeppelin/contracts/';
function findImports(path) {
  if (!path.startsWith(prefix)) return { error: 'Only @openzeppelin/contracts/... can be imported.' };
  const relative = normalize(path.slice(prefix.length));
  if (relative.startsWith('..')) return { error: 'Import outside @openzeppelin/contracts.' };
  try { return { contents: readFileSync(join(workerData.openZeppelinDir, relative), 'utf8') }; }
  catch { return { error: 'File not found: ' + path }; }
}
parentPort.postMessage({ ready: solc.version() });
parentPort.on('message', ({ id, input }) => {
  try { parentPort.postMessage({ id, output: solc.compile(input, { import: findImports }) }); }
  catch (error) { parentPort.postMessage({ id, error: String(error && error.message || error) }); }
});
`;
