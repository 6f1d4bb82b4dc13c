import { XMLParser } from 'fast-xml-parser';
import type { DailyRates } from '../provider';

/**
 * The ECB's euro foreign exchange reference rates, in its documented XML format
 * (eurofxref-daily.xml, eurofxref-hist-90d.xml, eurofxref-hist.xml):
 *
 *   <gesmes:Envelope …><gesmes:subject>Reference rates</gesmes:subject>…
 *     <Cube><Cube time="2025-01-02"><Cube currency="USD" rate="1.0321"/>…</Cube>…</Cube>
 *   </gesmes:Envelope>
 *
 * One `Cube time=` per business day, newest first, each holding `Cube currency= rate=` (units per
 * 1 EUR). Anything else in the document is ignored; a document without a single day is an error.
 */
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, isArray: (name) => name === 'Cube' });

type Cube = { time?: string; currency?: string; rate?: string; Cube?: Cube[] };

export function parseEcbXml(xml: string): DailyRates[] {
  const document = parser.parse(xml) as { Envelope?: { Cube?: Cube[] } };
  const days: DailyRates[] = [];
  const visit = (cubes: Cube[] | undefined) => {
    for (const cube of cubes ?? []) {
      if (cube.time !== undefined) {
        const perEur = new Map<string, string>();
        for (const quote of cube.Cube ?? []) {
          if (quote.currency && quote.rate && /^[A-Z]{3}$/.test(quote.currency) && /^\d+(\.\d+)?$/.test(String(quote.rate))) perEur.set(quote.currency, String(quote.rate));
        }
        if (/^\d{4}-\d{2}-\d{2}$/.test(cube.time) && perEur.size > 0) days.push({ day: cube.time, perEur });
      } else visit(cube.Cube);
    }
  };
  visit(document.Envelope?.Cube);
  if (days.length === 0) throw new Error('The ECB document holds no reference rates (no <Cube time=…> with quotes).');
  return days;
}
