/**
 * Text normalisation shared by the classifier: lower case, accents folded, punctuation as spaces.
 * Matching on folded text lets one lexicon entry cover "publicité"/"publicite" and "Politieke"/"politieke".
 */

/** Lower-case, strip diacritics (NFD), map typographic quotes and dashes, collapse whitespace. */
export function foldText(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\u00df/g, "ss")
    .replace(/[\u0142]/g, "l")
    .replace(/[\u0111]/g, "d")
    .replace(/[\u0127]/g, "h")
    .replace(/[\u00f8]/g, "o")
    .replace(/[\u00e6]/g, "ae")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Fold and turn every non-letter/digit run into one space: the key used for name matching. */
export function nameKey(input: string): string {
  return foldText(input)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Decode the common HTML entities (named subset and numeric); unknown ones are left as written. */
export function decodeEntities(input: string): string {
  return input.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const BLOCK_TAGS = new Set(["p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "dt", "dd", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "aside", "label", "button", "figcaption", "caption"]);
const RAW_TAGS = new Set(["script", "style", "noscript", "template", "svg"]);

/**
 * Turn HTML into plain text lines without executing or parsing it as a DOM: scripts, styles and
 * comments are dropped, block-level tags become line breaks. Input is bounded to `max` characters.
 */
export function htmlToText(html: string, max = 400_000): string {
  const bounded = html.length > max ? html.slice(0, max) : html;
  return decodeEntities(stripMarkup(bounded.replace(/\s+/g, " ")))
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}

// One left-to-right pass with indexOf instead of lazy regexes: hostile markup (400 000 "<", an
// unclosed "<!--" or "<script" repeated) would make those quadratic, minutes per ad. A closer that
// is not found once is never searched for again. A "<" with another "<" before the next ">" is text;
// unclosed comments and raw blocks fall back to ordinary tags, as the regexes did.
function stripMarkup(s: string): string {
  const parts: string[] = [];
  const unclosed = new Set<string>();
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf("<", i);
    const gt = lt < 0 ? -1 : s.indexOf(">", lt + 1);
    if (gt < 0) break;
    const end = s.startsWith("<!--", lt) ? closerEnd(s, "-->", lt + 4, unclosed) : -1;
    const start = end >= 0 ? lt : s.lastIndexOf("<", gt);
    parts.push(s.slice(i, start));
    if (start > lt || end >= 0) {
      if (end >= 0) parts.push(" ");
      i = end >= 0 ? end : start;
      continue;
    }
    const m = /^<(\/?)([a-z][a-z0-9]*)/i.exec(s.slice(lt, lt + 40));
    const tag = m?.[2]?.toLowerCase() ?? "";
    const rawEnd = m && !m[1] && RAW_TAGS.has(tag) ? closerEnd(s, rawCloser(tag), gt + 1, unclosed) : -1;
    parts.push(rawEnd < 0 && BLOCK_TAGS.has(tag) ? "\n" : " ");
    i = rawEnd >= 0 ? rawEnd : gt + 1;
  }
  parts.push(s.slice(i));
  return parts.join("");
}

const RAW_CLOSERS = new Map([...RAW_TAGS].map((t) => [t, new RegExp(`</${t}\\s*>`, "gi")]));
const rawCloser = (tag: string): RegExp => RAW_CLOSERS.get(tag)!;

function closerEnd(s: string, closer: string | RegExp, from: number, unclosed: Set<string>): number {
  const key = String(closer);
  if (unclosed.has(key)) return -1;
  let end = -1;
  if (typeof closer === "string") {
    const at = s.indexOf(closer, from);
    end = at < 0 ? -1 : at + closer.length;
  } else {
    closer.lastIndex = from;
    const m = closer.exec(s);
    end = m ? m.index + m[0].length : -1;
  }
  if (end < 0) unclosed.add(key);
  return end;
}

/** The href values of anchors in an HTML fragment (bounded, decoded, deduplicated). */
export function extractHrefs(html: string, limit = 200): string[] {
  const out = new Set<string>();
  const re = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
  for (const m of html.slice(0, 2_000_000).matchAll(re)) {
    const href = decodeEntities(m[1] ?? m[2] ?? m[3] ?? "").trim();
    if (href) out.add(href.slice(0, 2048));
    if (out.size >= limit) break;
  }
  return [...out];
}

/** True when the string looks like HTML markup rather than plain text. */
export function looksLikeHtml(input: string): boolean {
  return /<(?:html|body|div|p|span|table|a|dl|head|meta|section|article)\b/i.test(input.slice(0, 5000));
}

const SPECIAL_FOLD: Record<string, string> = {
  "ß": "s", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ħ": "h", "Ħ": "h", "æ": "a", "Æ": "a", "œ": "o",
  "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " ", "ı": "i",
};

/**
 * Like foldText but keeps every UTF-16 position (one output unit per input unit, whitespace not collapsed),
 * so that a match found in the folded text can be sliced out of the original with the same indices.
 */
export function foldSameLength(input: string): string {
  let out = "";
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      out += ch;
      continue;
    }
    const special = SPECIAL_FOLD[ch];
    if (special !== undefined) {
      out += special;
      continue;
    }
    const base = (ch.normalize("NFD")[0] ?? ch).toLowerCase();
    out += base.length === 1 ? base : ch;
  }
  return out;
}

/** Build a case-folded, Unicode-aware regex that matches `fragment` only as whole words. */
export function phraseRegex(fragment: string, flags = "gu"): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${fragment})(?![\\p{L}\\p{N}])`, flags);
}
