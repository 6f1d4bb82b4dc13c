/** Priorities in rising urgency; the index is what is stored, so ordering by it orders by urgency. */
export const PRIORITIES = ['NONE', 'LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;
export type PriorityName = (typeof PRIORITIES)[number];

export const priorityRank = (name: PriorityName): number => PRIORITIES.indexOf(name);

export function priorityName(rank: number): PriorityName {
  const name = PRIORITIES[rank];
  if (!name) throw new Error(`Stored priority ${rank} is out of range.`);
  return name;
}
