import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { startLocalS3 } from '@mosaic/files/test-s3-server';
import { gql } from './client';
import { leafRssMiB, median, saveResult } from './machine';

/**
 * Files throughput: a 100 MB file (random bytes, so nothing compresses) uploaded with one
 * `POST /files/upload`, uploaded through tus (one creation, PATCHes of TUS_CHUNK_MB), and downloaded
 * through a signed URL — on local disk and on a local S3-compatible server (s3rver) — with the
 * files service's resident memory sampled every 20 ms (a child process running only the files
 * subgraph). Peers in the same run: a plain disk copy of the same file (local), and the AWS SDK
 * putting and getting it directly (S3), so the service's overhead shows as a ratio.
 */
const SIZE_MB = Number(process.env.SIZE_MB ?? 100);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const TUS_CHUNK_MB = Number(process.env.TUS_CHUNK_MB ?? 25);
const MB = 1_000_000;
const SIZE = SIZE_MB * MB;

async function writeSample(path: string): Promise<void> {
  const block = randomBytes(1024 * 1024);
  const out = createWriteStream(path);
  for (let written = 0; written < SIZE; ) {
    const chunk = block.subarray(0, Math.min(block.length, SIZE - written));
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    written += chunk.length;
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Runs `work` while sampling the service's RSS; MB/s over SIZE bytes and the peak RSS seen. */
async function measured(pid: number | null, work: () => Promise<void>): Promise<{ mbPerSecond: number; seconds: number; peakRssMiB: number | null }> {
  let peak = pid ? leafRssMiB(pid) : 0;
  const sampler = pid ? setInterval(() => (peak = Math.max(peak, leafRssMiB(pid))), 20) : null;
  const started = performance.now();
  try {
    await work();
  } finally {
    if (sampler) clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  return { mbPerSecond: Math.round((SIZE_MB / seconds) * 10) / 10, seconds: Math.round(seconds * 1000) / 1000, peakRssMiB: pid ? peak : null };
}

function send(url: string, method: string, headers: Record<string, string>, body: NodeJS.ReadableStream | null): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on('error', reject);
    if (body) body.pipe(req);
    else req.end();
  });
}

/** GET `url` over node:http, counting and discarding the body; fails unless exactly SIZE bytes arrive. */
function receive(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => (bytes === SIZE && res.statusCode === 200 ? resolve() : reject(new Error(`download: ${res.statusCode}, ${bytes} bytes`))));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/**
 * The HTTP peer: a bare node:http server in its own process that writes a POSTed body to a file
 * and streams a file back — the same bytes over the same loopback HTTP, with no service around them.
 */
const BARE_HTTP = `
const { createServer } = require('node:http');
const { createReadStream, createWriteStream } = require('node:fs');
const { pipeline } = require('node:stream/promises');
const file = process.env.BARE_FILE;
const server = createServer(async (req, res) => {
  if (req.method === 'POST') { await pipeline(req, createWriteStream(file)); res.writeHead(201).end(); }
  else { res.writeHead(200, { 'content-length': ${SIZE} }); await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), res); }
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ origin: 'http://127.0.0.1:' + server.address().port })));
`;

async function bareHttpRounds(sample: string, dir: string) {
  const child = spawn(process.execPath, ['-e', BARE_HTTP], { env: { ...process.env, BARE_FILE: join(dir, 'bare.bin') }, stdio: ['ignore', 'pipe', 'inherit'] });
  const { origin } = JSON.parse(await firstLine(child)) as { origin: string };
  try {
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      const write = await measured(child.pid!, async () => {
        const answer = await send(`${origin}/upload`, 'POST', { 'content-length': String(SIZE) }, createReadStream(sample));
        if (answer.status !== 201) throw new Error(`bare upload: ${answer.status}`);
      });
      const read = await measured(child.pid!, () => receive(`${origin}/download`));
      rounds.push({ write, read });
    }
    return rounds;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const end = out.indexOf('\n');
      if (end >= 0) resolve(out.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before it was ready`)));
  });
}

async function startService(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; origin: string; token: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/files-service.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const { origin, token } = JSON.parse(await firstLine(child)) as { origin: string; token: string };
  return { child, origin, token };
}

async function serviceRounds(sample: string, env: NodeJS.ProcessEnv) {
  const { child, origin, token } = await startService(env);
  const pid = child.pid!;
  const auth = { authorization: `Bearer ${token}` };
  try {
    const idleRssMiB = leafRssMiB(pid);
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      let fileId = '';
      const simple = await measured(pid, async () => {
        const answer = await send(`${origin}/files/upload?name=sample-${round}.bin`, 'POST', { ...auth, 'content-length': String(SIZE) }, createReadStream(sample));
        if (answer.status !== 201) throw new Error(`upload: ${answer.status} ${answer.text}`);
        fileId = (JSON.parse(answer.text) as { id: string }).id;
      });
      const tus = await measured(pid, async () => {
        const created = await send(`${origin}/files/tus`, 'POST', { ...auth, 'tus-resumable': '1.0.0', 'upload-length': String(SIZE), 'upload-metadata': `filename ${Buffer.from(`tus-${round}.bin`).toString('base64')}` }, null);
        if (created.status !== 201) throw new Error(`tus create: ${created.status} ${created.text}`);
        const url = `${origin}${created.headers.location as string}`;
        const chunk = TUS_CHUNK_MB * MB;
        for (let offset = 0; offset < SIZE; offset += chunk) {
          const end = Math.min(SIZE, offset + chunk);
          const patched = await send(url, 'PATCH', { ...auth, 'tus-resumable': '1.0.0', 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(end - offset) }, createReadStream(sample, { start: offset, end: end - 1 }));
          if (patched.status !== 204) throw new Error(`tus patch: ${patched.status} ${patched.text}`);
        }
      });
      const { file } = await gql<{ file: { downloadUrl: string; size: number } }>(`${origin}/graphql`, `query($id: ID!) { file(id: $id) { downloadUrl size } }`, { id: fileId }, token);
      const download = await measured(pid, () => receive(`${origin}${new URL(file.downloadUrl).pathname}`));
      rounds.push({ simpleUpload: simple, tusUpload: tus, download });
      // Keep the quota free and the disk small between rounds.
      await gql(`${origin}/graphql`, `mutation { a: deleteFile(id: "${fileId}") { deletedId } }`, {}, token);
    }
    return { idleRssMiB, rounds };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const summary = (rounds: { [k: string]: { mbPerSecond: number; peakRssMiB: number | null } }[], key: string) => ({
  mbPerSecondMedian: median(rounds.map((r) => r[key]!.mbPerSecond)),
  peakRssMiB: Math.max(...rounds.map((r) => r[key]!.peakRssMiB ?? 0)),
});

const dir = await mkdtemp(join(tmpdir(), 'mosaic-files-bench-'));
const sample = join(dir, 'sample.bin');
await writeSample(sample);
if ((await stat(sample)).size !== SIZE) throw new Error('sample has the wrong size');
const s3 = await startLocalS3('bench');
const common = { FILES_MAX_UPLOAD_BYTES: String(SIZE * 2), FILES_QUOTA_BYTES: String(SIZE * 10), FILES_ALLOWED_TYPES: 'application/octet-stream', TEST_LOG_LEVEL: 'error' };
try {
  // Peers: what the storage itself does with the same bytes, without the service.
  const peerDisk = [];
  for (let round = 0; round < ROUNDS; round++) {
    const write = await measured(null, () => pipeline(createReadStream(sample), createWriteStream(join(dir, `copy-${round}.bin`))));
    const read = await measured(null, () => pipeline(createReadStream(join(dir, `copy-${round}.bin`)), new Writable({ write: (_c, _e, done) => done() })));
    await rm(join(dir, `copy-${round}.bin`));
    peerDisk.push({ write, read });
  }
  const peerHttp = await bareHttpRounds(sample, dir);
  const client = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
  const peerS3 = [];
  for (let round = 0; round < ROUNDS; round++) {
    const key = `peer-${round}`;
    const write = await measured(null, () => new Upload({ client, params: { Bucket: 'bench', Key: key, Body: createReadStream(sample) }, partSize: 8 * 1024 * 1024, queueSize: 2 }).done().then(() => {}));
    const read = await measured(null, async () => {
      const answer = await client.send(new GetObjectCommand({ Bucket: 'bench', Key: key }));
      await pipeline(answer.Body as NodeJS.ReadableStream, new Writable({ write: (_c, _e, done) => done() }));
    });
    peerS3.push({ write, read });
  }
  client.destroy();

  const local = await serviceRounds(sample, { ...common, FILES_STORAGE: 'local', FILES_DIR: join(dir, 'objects'), FILES_UPLOADS_DIR: join(dir, 'uploads') });
  const onS3 = await serviceRounds(sample, { ...common, ...s3.env, FILES_UPLOADS_DIR: join(dir, 'uploads-s3') });

  const report = (name: string, service: Awaited<ReturnType<typeof serviceRounds>>, peer: { write: { mbPerSecond: number }; read: { mbPerSecond: number } }[]) => {
    const peerWrite = median(peer.map((p) => p.write.mbPerSecond));
    const peerRead = median(peer.map((p) => p.read.mbPerSecond));
    const simple = summary(service.rounds, 'simpleUpload');
    const tus = summary(service.rounds, 'tusUpload');
    const download = summary(service.rounds, 'download');
    return {
      storage: name,
      idleRssMiB: service.idleRssMiB,
      simpleUpload: { ...simple, ratioToPeerWrite: Math.round((simple.mbPerSecondMedian / peerWrite) * 100) / 100 },
      tusUpload: { ...tus, ratioToPeerWrite: Math.round((tus.mbPerSecondMedian / peerWrite) * 100) / 100 },
      download: { ...download, ratioToPeerRead: Math.round((download.mbPerSecondMedian / peerRead) * 100) / 100 },
      peer: { writeMbPerSecondMedian: peerWrite, readMbPerSecondMedian: peerRead },
      rounds: service.rounds,
    };
  };
  const bare = {
    uploadMbPerSecondMedian: median(peerHttp.map((p) => p.write.mbPerSecond)),
    downloadMbPerSecondMedian: median(peerHttp.map((p) => p.read.mbPerSecond)),
    peakRssMiB: Math.max(...peerHttp.map((p) => Math.max(p.write.peakRssMiB ?? 0, p.read.peakRssMiB ?? 0))),
  };
  const vsBare = (service: Awaited<ReturnType<typeof serviceRounds>>) => ({
    simpleUpload: Math.round((summary(service.rounds, 'simpleUpload').mbPerSecondMedian / bare.uploadMbPerSecondMedian) * 100) / 100,
    tusUpload: Math.round((summary(service.rounds, 'tusUpload').mbPerSecondMedian / bare.uploadMbPerSecondMedian) * 100) / 100,
    download: Math.round((summary(service.rounds, 'download').mbPerSecondMedian / bare.downloadMbPerSecondMedian) * 100) / 100,
  });
  const result = {
    bareHttpToDisk: { ...bare, note: 'peer: node:http writing the body to a file / streaming it back, no service' },
    ratiosToBareHttp: { localDisk: vsBare(local), s3: vsBare(onS3) },
    settings: { sizeMB: SIZE_MB, rounds: ROUNDS, tusChunkMB: TUS_CHUNK_MB, s3PartSizeMiB: 8 },
    localDisk: report('local disk (peer: a plain disk copy)', local, peerDisk),
    s3: report('s3rver on this machine (peer: the AWS SDK directly)', onS3, peerS3),
  };
  console.log(JSON.stringify({ bareHttpToDisk: result.bareHttpToDisk, ratiosToBareHttp: result.ratiosToBareHttp, localDisk: { ...result.localDisk, rounds: undefined }, s3: { ...result.s3, rounds: undefined } }, null, 2));
  saveResult('files', result);
} finally {
  await s3.close();
  await rm(dir, { recursive: true, force: true });
}
