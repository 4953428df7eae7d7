/** Precision, recall and F1 from a confusion count. */
export interface Scores {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

/** Score binary predictions against truth. Division by zero gives NaN, printed as "n/a". */
export function score(pairs: ReadonlyArray<{ truth: boolean; predicted: boolean }>): Scores {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const { truth, predicted } of pairs) {
    if (truth && predicted) tp++;
    else if (!truth && predicted) fp++;
    else if (truth && !predicted) fn++;
    else tn++;
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return { n: pairs.length, tp, fp, fn, tn, precision, recall, f1: (2 * precision * recall) / (precision + recall), accuracy: (tp + tn) / pairs.length };
}

/** Format a ratio as 0.000 or n/a. */
export function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : "n/a";
}

/** One table row for a scored set. */
export function row(name: string, s: Scores): string {
  return `${name.padEnd(44)} n=${String(s.n).padStart(5)}  P=${fmt(s.precision)}  R=${fmt(s.recall)}  F1=${fmt(s.f1)}  acc=${fmt(s.accuracy)}`;
}
