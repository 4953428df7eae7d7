import { nameKey } from "./normalize.js";

/** Legal-form and organisational words that never distinguish two political actors. */
const NOISE_TOKENS = new Set([
  "vereniging", "stichting", "stg", "afdeling", "afd", "kiesvereniging", "bv", "nv", "vof", "tav", "ev", "gmbh",
  "ltd", "inc", "llc", "vzw", "asbl", "sarl", "ug", "ag", "de", "het", "the",
]);
const NOISE_PREFIXES = [["politieke", "partij"], ["politieke", "beweging"], ["partij"]];

/**
 * Matching key of an actor name: folded, punctuation-free, single-letter runs joined ("P.v.d.A." → "pvda",
 * "B.V." → "bv"), legal forms and "afdeling" dropped, a leading "Politieke Partij" dropped when more follows.
 */
export function actorKey(name: string): string {
  return actorTokens(name).join(" ");
}

// Sponsor names repeat across ads (one campaign, many creatives): memoise the key, bounded so memory stays flat.
const MEMO = new Map<string, readonly string[]>();
const MEMO_MAX = 20_000;

/** The tokens of `actorKey` (a fresh array; the memoised one is never handed out). */
export function actorTokens(name: string): string[] {
  const bounded = name.slice(0, 512);
  let tokens = MEMO.get(bounded);
  if (!tokens) {
    if (MEMO.size >= MEMO_MAX) MEMO.clear();
    tokens = computeTokens(bounded);
    MEMO.set(bounded, tokens);
  }
  return [...tokens];
}

function computeTokens(name: string): string[] {
  const raw = nameKey(name).split(" ").filter((t) => t.length > 0);
  const joined: string[] = [];
  let run = "";
  for (const token of raw) {
    if (token.length === 1 && /\p{L}/u.test(token)) {
      run += token;
      continue;
    }
    if (run) joined.push(run);
    run = "";
    joined.push(token);
  }
  if (run) joined.push(run);
  let tokens = joined.filter((t) => !NOISE_TOKENS.has(t));
  for (const prefix of NOISE_PREFIXES) {
    const hit = prefix.every((p, i) => tokens[i] === p);
    // "Partij voor de Dieren" keeps its "partij": strip the bare prefix only when it is "politieke ...".
    if (hit && prefix.length > 1 && tokens.length > prefix.length) tokens = tokens.slice(prefix.length);
  }
  return tokens.length > 0 ? tokens : joined;
}
