import {
  COMMERCIAL_MARKERS, ELECTION_PHRASES, NEGATIONS, NOTICE_PHRASES, NOTICE_URL, SPONSOR_PHRASES, STATEMENT_PHRASES, TARGETING_PHRASES,
} from "./label-lexicon.js";
import { foldSameLength, phraseRegex } from "./normalize.js";

/** What an ad's label (Art. 11(1)) says, element by element; null where the element was not found. */
export interface LabelFacts {
  /** (a) the political-ad statement as written, e.g. "Politieke advertentie". */
  statement: string | null;
  /** Language code of the statement phrase. */
  statementLang: string | null;
  /** (b) the sponsor name following "Betaald door", "Paid for by", "Auftraggeber:" …. */
  sponsor: string | null;
  /** (c) the election, referendum or legislative process named. */
  election: string | null;
  /** (d) "stated" when the label says targeting was used, "denied" when it says it was not. */
  targeting: "stated" | "denied" | null;
  /** (e) a link, URL or wording that points to the transparency notice. */
  noticePointer: string | null;
  /** Commercial markers seen ("Gesponsord", "Sponsored" …): these are not political-ad labels. */
  commercialMarkers: string[];
}

const MAX_TEXT = 100_000;
const STATEMENTS = Object.entries(STATEMENT_PHRASES).map(([lang, list]) => ({ lang, re: phraseRegex(list.join("|"), "u") }));
const SPONSOR = phraseRegex(`(?:${SPONSOR_PHRASES.join("|")})\\s*[:\\-–]?\\s*`, "gu");
const ELECTION = phraseRegex(ELECTION_PHRASES.join("|"), "u");
const TARGETING = phraseRegex(TARGETING_PHRASES.join("|"), "gu");
const NEGATED = new RegExp(`(?<![\\p{L}])${NEGATIONS}(?![\\p{L}])[^.\\n]{0,25}$`, "u");
const NOTICE_WORDS = phraseRegex(NOTICE_PHRASES.join("|"), "u");
const COMMERCIAL = COMMERCIAL_MARKERS.map((m) => ({ marker: m, re: phraseRegex(m, "u") }));
const STATEMENTS_ALL = STATEMENTS.map(({ re }) => new RegExp(re.source, "gu"));

/**
 * Read the Art. 11(1) label elements from label text (plus any link targets found with the ad).
 * Pure and bounded: at most 100 000 characters are examined.
 */
export function detectLabel(text: string, hrefs: readonly string[] = []): LabelFacts {
  const original = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const folded = foldSameLength(original);
  const statementHit = findStatement(original, folded);
  return {
    statement: statementHit?.text ?? null,
    statementLang: statementHit?.lang ?? null,
    sponsor: findSponsor(original, folded),
    election: slice(original, ELECTION.exec(folded)),
    targeting: findTargeting(folded),
    noticePointer: findNoticePointer(original, folded, hrefs),
    commercialMarkers: commercialMarkers(folded, statementHit !== undefined),
  };
}

// "Politieke reclame" contains the commercial word "reclame": a marker counts only outside the statements.
function commercialMarkers(folded: string, hasStatement: boolean): string[] {
  const hits = COMMERCIAL.filter((c) => c.re.test(folded));
  if (hits.length === 0 || !hasStatement) return hits.map((c) => c.marker);
  const withoutStatements = STATEMENTS_ALL.reduce((acc, re) => acc.replace(re, " "), folded);
  return hits.filter((c) => c.re.test(withoutStatements)).map((c) => c.marker);
}

function findStatement(original: string, folded: string): { text: string; lang: string } | undefined {
  let best: { text: string; lang: string; index: number } | undefined;
  for (const { lang, re } of STATEMENTS) {
    const m = re.exec(folded);
    if (m && (!best || m.index < best.index)) best = { text: original.slice(m.index, m.index + m[0].length), lang, index: m.index };
  }
  return best;
}

function slice(original: string, m: RegExpExecArray | null): string | null {
  return m ? original.slice(m.index, m.index + m[0].length) : null;
}

// The name runs to the end of the line or sentence; bounded so a missing delimiter cannot swallow the page.
function findSponsor(original: string, folded: string): string | null {
  SPONSOR.lastIndex = 0;
  for (const m of folded.matchAll(SPONSOR)) {
    const start = m.index + m[0].length;
    const rest = original.slice(start, start + 160);
    const name = rest.split(/\n|\r|\||·|•|(?<=[\p{Ll}\p{N})]{2})\.\s|\.$|;|,\s(?=(?:in|im|en|and|und|et|met|with)\s)/u)[0]?.trim() ?? "";
    const cleaned = name.replace(/^[\s"'“„(]+|[\s"'”).,:]+$/g, "").slice(0, 120);
    // "D66" is a party: one letter and digits is a name; a lone letter or number is not.
    if (/\p{L}/u.test(cleaned) && /[\p{L}\p{N}]{2,}/u.test(cleaned) && !/^(de|het|een|the|a|der|die|das|le|la|les)$/i.test(cleaned)) return cleaned;
  }
  return null;
}

function findTargeting(folded: string): "stated" | "denied" | null {
  TARGETING.lastIndex = 0;
  let result: "stated" | "denied" | null = null;
  for (const m of folded.matchAll(TARGETING)) {
    const before = folded.slice(Math.max(0, m.index - 40), m.index);
    if (NEGATED.test(before)) result ??= "denied";
    else return "stated";
  }
  return result;
}

function findNoticePointer(original: string, folded: string, hrefs: readonly string[]): string | null {
  for (const href of hrefs) {
    if (NOTICE_URL.test(href) || NOTICE_WORDS.test(foldSameLength(href))) return href;
  }
  const url = NOTICE_URL.exec(original);
  if (url) return url[0];
  return slice(original, NOTICE_WORDS.exec(folded));
}
