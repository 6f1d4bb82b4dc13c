/**
 * The interaction matrix the recommenders learn from: users × items, one cell per (user, item)
 * holding the summed, time-decayed weight of everything that user did with that item. Stored as
 * compressed sparse rows both ways (per user and per item) in typed arrays, so a million cells
 * are a few megabytes and cross a worker boundary without copying.
 */
export interface Dataset {
  userIds: string[];
  itemKeys: string[];
  /** CSR by user: items of user u are `userItems[userStart[u] .. userStart[u + 1])`. */
  userStart: Int32Array;
  userItems: Int32Array;
  userWeights: Float32Array;
  /** CSR by item: users of item i are `itemUsers[itemStart[i] .. itemStart[i + 1])`. */
  itemStart: Int32Array;
  itemUsers: Int32Array;
  itemWeights: Float32Array;
}

export interface WeightedCell {
  userId: string;
  itemKey: string;
  weight: number;
}

/** Builds the matrix; repeated (user, item) pairs add up, cells with no positive weight are dropped. */
export function buildDataset(cells: Iterable<WeightedCell>): Dataset {
  const userIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const byUser: Map<number, number>[] = [];
  for (const { userId, itemKey, weight } of cells) {
    let u = userIndex.get(userId);
    if (u === undefined) userIndex.set(userId, (u = byUser.push(new Map()) - 1));
    let i = itemIndex.get(itemKey);
    if (i === undefined) itemIndex.set(itemKey, (i = itemIndex.size));
    const row = byUser[u]!;
    row.set(i, (row.get(i) ?? 0) + weight);
  }
  const nnz = byUser.reduce((sum, row) => sum + [...row.values()].filter((w) => w > 0).length, 0);
  const userStart = new Int32Array(byUser.length + 1);
  const userItems = new Int32Array(nnz);
  const userWeights = new Float32Array(nnz);
  const itemCounts = new Int32Array(itemIndex.size + 1);
  let at = 0;
  byUser.forEach((row, u) => {
    userStart[u] = at;
    for (const [i, w] of [...row].sort((a, b) => a[0] - b[0])) {
      if (w <= 0) continue;
      userItems[at] = i;
      userWeights[at++] = w;
      itemCounts[i + 1]! += 1;
    }
  });
  userStart[byUser.length] = at;
  const itemStart = new Int32Array(itemIndex.size + 1);
  for (let i = 0; i < itemIndex.size; i++) itemStart[i + 1] = itemStart[i]! + itemCounts[i + 1]!;
  const fill = itemStart.slice(0, itemIndex.size);
  const itemUsers = new Int32Array(nnz);
  const itemWeights = new Float32Array(nnz);
  for (let u = 0; u < byUser.length; u++) {
    for (let k = userStart[u]!; k < userStart[u + 1]!; k++) {
      const slot = fill[userItems[k]!]!++;
      itemUsers[slot] = u;
      itemWeights[slot] = userWeights[k]!;
    }
  }
  return { userIds: [...userIndex.keys()], itemKeys: [...itemIndex.keys()], userStart, userItems, userWeights, itemStart, itemUsers, itemWeights };
}

export const cellCount = (dataset: Dataset) => dataset.userItems.length;
