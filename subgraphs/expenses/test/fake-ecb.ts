import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the ECB's reference-rate files, in its documented XML format (as the ECB
 * serves it, with single-quoted attributes): `/eurofxref-hist-90d.xml` and `/eurofxref-hist.xml`,
 * one `<Cube time='…'>` per business day, newest first, quotes per 1 EUR; the 90-day file holds
 * only the last 90 days.
 */
export async function startFakeEcb(days: Record<string, Record<string, string>>) {
  const requests: string[] = [];
  let failing = false;
  const document = (recentOnly: boolean) =>
    `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
\t<gesmes:subject>Reference rates</gesmes:subject>
\t<gesmes:Sender>
\t\t<gesmes:name>European Central Bank</gesmes:name>
\t</gesmes:Sender>
\t<Cube>
${Object.entries(days)
  .filter(([day]) => !recentOnly || Date.now() - new Date(`${day}T00:00:00Z`).getTime() < 90 * 86_400_000)
  .sort(([a], [b]) => b.localeCompare(a))
  .map(([day, quotes]) => `\t\t<Cube time='${day}'>\n${Object.entries(quotes).map(([currency, rate]) => `\t\t\t<Cube currency='${currency}' rate='${rate}'/>`).join('\n')}\n\t\t</Cube>`)
  .join('\n')}
\t</Cube>
</gesmes:Envelope>`;
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (failing) return void res.writeHead(503).end('Service Unavailable');
    if (req.url === '/eurofxref-hist-90d.xml' || req.url === '/eurofxref-hist.xml') {
      res.writeHead(200, { 'content-type': 'text/xml' });
      return void res.end(document(req.url === '/eurofxref-hist-90d.xml'));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    fail(value: boolean) {
      failing = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
