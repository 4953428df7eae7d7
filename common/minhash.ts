/**
 * Near-duplicate creatives: the same ad text with a changed date, place or list number. Texts are
 * compared as sets of words (Jaccard similarity); MinHash with locality-sensitive bands finds the
 * candidates without comparing every pair, and the Jaccard of the actual word sets decides.
 * Written here because it is forty lines (seeded FNV-1a, 10 bands of 2 rows) and the npm packages
 * for it are either unmaintained or bring a tokenizer we do not need.
 */

/** Texts with fewer distinct words than this are grouped only by exact content hash. */
export const MIN_WORDS = 6;
/** Two creatives are the same when their word sets overlap at least this much. */
export const SAME_CREATIVE_JACCARD = 0.7;
const BANDS = 10;
const ROWS = 2;

/** The distinct words of a text, normalised (Unicode NFKC, lower case, letters and digits only). */
export function wordSet(text: string | null | undefined): Set<string> {
  return new Set((text ?? "").normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ").filter(Boolean));
}

function fnv(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}

/** The band keys of a word set (safe integers, band number in the high bits), or [] when it is too short. */
export function bandKeys(words: Set<string>): number[] {
  if (words.size < MIN_WORDS) return [];
  const mins = new Array<number>(BANDS * ROWS).fill(0xffffffff);
  for (const w of words) for (let i = 0; i < mins.length; i++) mins[i] = Math.min(mins[i]!, fnv(w, i + 1));
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0;
    for (let r = 0; r < ROWS; r++) h = (Math.imul(h, 31) + mins[b * ROWS + r]!) >>> 0;
    keys.push(b * 2 ** 36 + (h % 2 ** 36));
  }
  return keys;
}

/** Jaccard similarity of two word sets. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return both / (a.size + b.size - both);
}
