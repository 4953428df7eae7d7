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

/** The tokens of `actorKey`. */
export function actorTokens(name: string): string[] {
  const raw = nameKey(name.slice(0, 512)).split(" ").filter((t) => t.length > 0);
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
