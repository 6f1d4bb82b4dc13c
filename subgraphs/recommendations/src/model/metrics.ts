/** Ranking quality of one user's top-k against the items they went on to use. */
export function rankingMetrics(recommended: readonly string[], relevant: ReadonlySet<string>, k: number): { precision: number; recall: number; ndcg: number } {
  const top = recommended.slice(0, k);
  let hits = 0;
  let dcg = 0;
  top.forEach((item, rank) => {
    if (!relevant.has(item)) return;
    hits += 1;
    dcg += 1 / Math.log2(rank + 2);
  });
  let ideal = 0;
  for (let rank = 0; rank < Math.min(k, relevant.size); rank++) ideal += 1 / Math.log2(rank + 2);
  return { precision: hits / k, recall: relevant.size ? hits / relevant.size : 0, ndcg: ideal ? dcg / ideal : 0 };
}
