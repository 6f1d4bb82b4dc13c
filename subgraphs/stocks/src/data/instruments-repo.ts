import { asc } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { instruments, type InstrumentRow } from './tables';

export async function findAllInstruments(db: Db): Promise<InstrumentRow[]> {
  return db.select().from(instruments).orderBy(asc(instruments.symbol));
}
