import type { TruthAd } from "../../sandbox/replica.js";
import type { JudgedAd } from "../../store/queries/scorecard.js";

/** How well a crawl + classification matched the sandbox's truth. */
export interface Scorecard {
  truth: number;
  reachable: number;
  found: number;
  politicalRight: number;
  partyRight: number;
  rulesExact: number;
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
}

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, " ").toLowerCase();

/** Matches stored ads to truth ads by their unique snippet and counts what was found and judged right. */
export function score(truth: TruthAd[], ads: JudgedAd[]): Scorecard {
  const s: Scorecard = { truth: truth.length, reachable: 0, found: 0, politicalRight: 0, partyRight: 0, rulesExact: 0, tp: 0, fp: 0, fn: 0, misses: [] };
  for (const t of truth) {
    if (!t.reachable) continue;
    s.reachable++;
    const m = norm(t.match);
    const ad = ads.find((a) => a.source === t.source && [a.text, a.html, a.sponsor, a.label].some((f) => f !== null && norm(f).includes(m)));
    if (!ad) {
      s.misses.push(`not found: ${t.replica} "${t.match}"`);
      continue;
    }
    s.found++;
    if (ad.political === t.political) s.politicalRight++;
    else s.misses.push(`political ${ad.political} expected ${t.political}: "${t.match}"`);
    if (!t.political || ad.party === t.party) s.partyRight++;
    const want = new Set(t.rules);
    const got = new Set(ad.rules);
    const tp = [...got].filter((r) => want.has(r)).length;
    s.tp += tp;
    s.fp += got.size - tp;
    s.fn += want.size - tp;
    if (tp === got.size && tp === want.size) s.rulesExact++;
    else s.misses.push(`rules for "${t.match}": got [${[...got].join(", ")}] expected [${[...want].join(", ")}]`);
  }
  return s;
}
