/**
 * Logistic regression over binary word (and optionally word-pair) features, trained by deterministic SGD: fixed
 * example order (by text hash), no randomness, L2 penalty. Build-time only (train.ts, tune.ts).
 */
import type { Example } from "./datasets.js";
import { fnv1a } from "./datasets.js";
import { type TextModel, features } from "./text-model.js";

/** Training settings. */
export interface Hyper {
  bigrams: boolean;
  l2: number;
  epochs: number;
  /** Character n-grams of this length inside words as extra features (0 or unset: none). */
  chars?: number;
  /** Weights smaller than this are dropped from the shipped model (default 0.05). */
  minWeight?: number;
  /** Minimum number of training texts a feature must occur in. */
  minDf: number;
  /** How many weights (largest magnitude) the shipped model keeps. */
  keep: number;
  /** Scale each feature by its naive-Bayes log-count ratio before the regression (NB-LR, Wang & Manning 2012). */
  nb?: boolean;
}

// Log-count ratio per feature: log((p_f + 1) / (|p| + 1)) - log((q_f + 1) / (|q| + 1)) over political p / other q.
function logCountRatios(idx: number[][], labels: boolean[], size: number): Float64Array {
  const p = new Float64Array(size).fill(1);
  const q = new Float64Array(size).fill(1);
  idx.forEach((feats, i) => { for (const f of feats) (labels[i] ? p : q)[f] = ((labels[i] ? p : q)[f] as number) + 1; });
  const sp = p.reduce((a, b) => a + b, 0);
  const sq = q.reduce((a, b) => a + b, 0);
  return p.map((v, f) => Math.log(v / sp) - Math.log((q[f] as number) / sq));
}

function vocabulary(docs: string[][], minDf: number): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d) df.set(t, (df.get(t) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const [t, n] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (n >= minDf) vocab.set(t, vocab.size);
  return vocab;
}

/** Train a model on examples; the result scores with scoreText(text, model). */
export function trainModel(examples: readonly Example[], h: Hyper, version = "lr"): TextModel {
  const ordered = [...examples].sort((a, b) => fnv1a(a.text) - fnv1a(b.text));
  const docs = ordered.map((e) => features(e.text, h));
  const vocab = vocabulary(docs, h.minDf);
  const idx = docs.map((d) => d.map((t) => vocab.get(t)).filter((i): i is number => i !== undefined));
  const labels = ordered.map((e) => e.political);
  const r = h.nb ? logCountRatios(idx, labels, vocab.size) : new Float64Array(vocab.size).fill(1);
  const w = new Float64Array(vocab.size);
  let bias = 0;
  for (let epoch = 0; epoch < h.epochs; epoch++) {
    const lr = 0.2 / (1 + epoch * 0.5);
    for (let i = 0; i < idx.length; i++) {
      const feats = idx[i] as number[];
      let z = bias;
      for (const f of feats) z += (w[f] as number) * (r[f] as number);
      const g = 1 / (1 + Math.exp(-z)) - ((ordered[i] as Example).political ? 1 : 0);
      bias -= lr * g;
      for (const f of feats) w[f] = (w[f] as number) * (1 - lr * h.l2) - lr * g * (r[f] as number);
    }
  }
  const kept = [...vocab]
    .map(([t, i]) => [t, Math.round((w[i] as number) * (r[i] as number) * 1000) / 1000] as const)
    .filter(([, x]) => Math.abs(x) >= (h.minWeight ?? 0.05))
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, h.keep)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { version, bias: Math.round(bias * 1000) / 1000, bigrams: h.bigrams, ...(h.chars ? { chars: h.chars } : {}), weights: Object.fromEntries(kept), trainedOn: "" };
}
