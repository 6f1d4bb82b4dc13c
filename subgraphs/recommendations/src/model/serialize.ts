import type { TrainedModel } from './model';

/**
 * A trained model as one buffer (a JSON header, then the typed arrays back to back), stored in
 * PostgreSQL so every replica serves the same version and a restart does not retrain.
 */
export function serializeModel(model: TrainedModel): Buffer {
  const { factorization: fm, neighbours } = model;
  const arrays = [fm.userFactors, fm.itemFactors, fm.itemGram, fm.userGram, neighbours.items, neighbours.scores, model.popularity];
  const header = Buffer.from(
    JSON.stringify({
      version: model.version,
      trainedAt: model.trainedAt,
      userIds: model.userIds,
      itemKeys: model.itemKeys,
      stats: model.stats,
      factors: fm.factors,
      regularization: fm.regularization,
      alpha: fm.alpha,
      k: neighbours.k,
      lengths: arrays.map((a) => a.byteLength),
    }),
  );
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(header.length);
  return Buffer.concat([prefix, header, ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))]);
}

interface Header {
  version: number;
  trainedAt: string;
  userIds: string[];
  itemKeys: string[];
  stats: TrainedModel['stats'];
  factors: number;
  regularization: number;
  alpha: number;
  k: number;
  lengths: number[];
}

export function deserializeModel(body: Buffer): TrainedModel {
  const headerLength = body.readUInt32LE(0);
  const header = JSON.parse(body.subarray(4, 4 + headerLength).toString('utf8')) as Header;
  let offset = 4 + headerLength;
  // Copies, so every array is aligned and owns its memory.
  const next = () => {
    const length = header.lengths.shift()!;
    const bytes = new Uint8Array(length);
    bytes.set(body.subarray(offset, offset + length));
    offset += length;
    return bytes.buffer;
  };
  const [userFactors, itemFactors, itemGram, userGram] = [new Float32Array(next()), new Float32Array(next()), new Float64Array(next()), new Float64Array(next())];
  const neighbours = { k: header.k, items: new Int32Array(next()), scores: new Float32Array(next()) };
  const popularity = new Float64Array(next());
  return {
    version: header.version,
    trainedAt: header.trainedAt,
    userIds: header.userIds,
    itemKeys: header.itemKeys,
    itemIndex: new Map(header.itemKeys.map((key, index) => [key, index])),
    factorization: { factors: header.factors, regularization: header.regularization, alpha: header.alpha, userFactors, itemFactors, itemGram, userGram },
    neighbours,
    popularity,
    stats: header.stats,
  };
}
