import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body is larger than ${limit} bytes.`);
  }
}

/** A request's body can be read once; a check that needs it first (gateway trust) shares it with the handler. */
const bodies = new WeakMap<IncomingMessage, Promise<{ text: string; bytes: number }>>();

/** Reads a request body, stopping as soon as it passes `limit` bytes; a second read gets the same body. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  let body = bodies.get(req);
  if (!body) bodies.set(req, (body = readOnce(req, limit)));
  const { text, bytes } = await body;
  if (bytes > limit) throw new BodyTooLargeError(limit);
  return text;
}

async function readOnce(req: IncomingMessage, limit: number): Promise<{ text: string; bytes: number }> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), bytes: size };
}
