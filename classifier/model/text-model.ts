import { foldText } from "../normalize.js";
import { TEXT_MODEL } from "./weights.js";

/** A logistic-regression text model over word features (see train.ts): bias plus one weight per known token. */
export interface TextModel {
  version: string;
  bias: number;
  /** Multiplier on the logit when classify() adds it to the rule cues (calibrated by train.ts); default 1. */
  scale?: number;
  /** Added to the logit before scaling, so that the "yes" band starts where validation F1 is best (train.ts); default 0. */
  offset?: number;
  /** The model also has weights for adjacent word pairs ("stem_op"). */
  bigrams?: boolean;
  /** The model also has weights for character n-grams of this length inside words ("c:<ste", "c:kiez"); unset: none. */
  chars?: number;
  weights: Readonly<Record<string, number>>;
  /** Provenance of the training data, shipped with the weights. */
  trainedOn: string;
}

/** Score and the features that pushed it most, for the verdict's reasons. */
export interface TextScore {
  logit: number;
  probability: number;
  top: Array<{ feature: string; weight: number }>;
}

const STOP = new Set(["de", "het", "een", "en", "van", "in", "op", "te", "the", "and", "of", "to", "a", "der", "die", "das", "und", "le", "la", "les", "et"]);

/** Tokenise like the trainer: folded words of 2–30 letters/digits, URLs and stop words removed, each token once. */
export function tokenize(text: string): string[] {
  return tokenizeFolded(foldText(text.slice(0, 20_000)));
}

/** `tokenize` on text already passed through foldText (lets callers fold once for several readers). */
export function tokenizeFolded(foldedText: string): string[] {
  const folded = foldedText.replace(/https?:\/\/\S+|www\.\S+/g, " ");
  const out = new Set<string>();
  for (const m of folded.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'-]{1,29}/gu)) {
    const t = m[0].replace(/['-]+$/, "");
    if (t.length >= 2 && !STOP.has(t) && !/^\d+$/.test(t)) out.add(t);
  }
  return [...out];
}

/** Which features a model reads besides single words. */
export type FeatureOptions = Pick<TextModel, "bigrams" | "chars">;

/** The model's features of a text: its tokens, plus adjacent word pairs joined by "_" and character n-grams when asked. */
export function features(text: string, opts: FeatureOptions): string[] {
  return featuresFolded(foldText(text.slice(0, 20_000)), opts);
}

/**
 * `features` on folded text. Character n-grams of each word (padded with "<" and ">") let Dutch compounds and
 * inflections share evidence ("verkiezingsprogramma", "verkiezingen"); each n-gram counts once per text.
 */
export function featuresFolded(folded: string, opts: FeatureOptions): string[] {
  const tokens = tokenizeFolded(folded);
  const n = opts.chars ?? 0;
  if (n <= 0 && opts.bigrams !== true) return tokens;
  const out = [...tokens];
  if (n > 0) {
    const grams = new Set<string>();
    for (const t of tokens) {
      const padded = `<${t}>`;
      for (let i = 0; i + n <= padded.length; i++) grams.add(`c:${padded.slice(i, i + n)}`);
    }
    out.push(...grams);
  }
  if (opts.bigrams === true) {
    const words = [...folded.replace(/https?:\/\/\S+|www\.\S+/g, " ").matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]).slice(0, 4000);
    const pairs = new Set<string>();
    for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]}_${words[i]}`);
    out.push(...pairs);
  }
  return out;
}

/** Score a text with a model (the shipped one by default). Deterministic; ties in `top` break alphabetically. */
export function scoreText(text: string, model: TextModel = TEXT_MODEL): TextScore {
  return scoreTokens(features(text, model), model);
}

/** Score already tokenised text (see tokenizeFolded). */
export function scoreTokens(tokens: readonly string[], model: TextModel = TEXT_MODEL): TextScore {
  let logit = model.bias;
  const contributions: Array<{ feature: string; weight: number }> = [];
  for (const token of tokens) {
    const w = model.weights[token];
    if (w === undefined) continue;
    logit += w;
    contributions.push({ feature: token, weight: w });
  }
  contributions.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.feature < b.feature ? -1 : 1));
  return { logit, probability: 1 / (1 + Math.exp(-logit)), top: contributions.slice(0, 5) };
}

const FUNCTION_WORDS: Record<string, readonly string[]> = {
  nl: ["het", "een", "niet", "voor", "met", "zijn", "wij", "ons", "onze", "ook", "maar", "je", "jouw", "dat", "deze", "wordt", "naar", "bij"],
  de: ["der", "die", "das", "und", "nicht", "ist", "mit", "fur", "wir", "unsere", "auch", "sie", "auf", "ein", "eine", "wird", "zu", "bei"],
  en: ["the", "and", "is", "not", "with", "for", "we", "our", "you", "your", "this", "that", "are", "will", "be", "to", "of", "from"],
};

/** A rough language guess from function words: the model is trained almost only on Dutch and German. */
export function guessLanguage(text: string): "nl" | "de" | "en" | "other" {
  return guessLanguageFolded(foldText(text.slice(0, 5000)));
}

const FUNCTION_SETS = Object.entries(FUNCTION_WORDS).map(([lang, list]) => [lang, new Set(list)] as const);

/** `guessLanguage` on folded text; only the first 5 000 characters are looked at. */
export function guessLanguageFolded(folded: string): "nl" | "de" | "en" | "other" {
  const words = folded.slice(0, 5000).split(/[^\p{L}]+/u);
  let best: "nl" | "de" | "en" | "other" = "other";
  let bestCount = 1;
  for (const [lang, set] of FUNCTION_SETS) {
    const n = words.filter((w) => set.has(w)).length;
    if (n > bestCount) {
      best = lang as "nl" | "de" | "en";
      bestCount = n;
    }
  }
  return best;
}
