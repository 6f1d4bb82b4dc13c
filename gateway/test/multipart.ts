/**
 * A plain reader of `multipart/mixed` GraphQL responses (boundary `-`, as Apollo Server and Apollo
 * Router write them): yields each part's JSON as soon as the part is complete, so a test can act
 * between payloads.
 */
export async function* multipartPayloads(response: Response): AsyncGenerator<Record<string, unknown>> {
  const boundary = /boundary="?([^";]+)"?/.exec(response.headers.get('content-type') ?? '')?.[1];
  if (!boundary) throw new Error(`Not a multipart response: ${response.headers.get('content-type')}`);
  const delimiter = `\r\n--${boundary}`;
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    for (;;) {
      const start = buffered.indexOf(delimiter);
      if (start < 0) break;
      const next = buffered.indexOf(delimiter, start + delimiter.length);
      if (next < 0) break;
      const part = buffered.slice(start + delimiter.length, next);
      buffered = buffered.slice(next);
      const body = part.slice(part.indexOf('\r\n\r\n') + 4);
      if (body.trim()) yield JSON.parse(body) as Record<string, unknown>;
    }
  }
}
