import type { QueryObserver } from '@mosaic/kit';

/** Counts SQL statements a drizzle database issues; wire `observe` in as its `onQuery`. */
export class StatementCounter {
  statements: string[] = [];
  readonly observe: QueryObserver = (query) => {
    this.statements.push(query);
  };
  get count(): number {
    return this.statements.length;
  }
  reset(): void {
    this.statements = [];
  }
}
