import fc from "fast-check";

/** Pieces that matter to polad's readers: markup, label and notice words, separators, odd code points. */
const PIECES = [
  "<", ">", "</", "<!--", "-->", "<script>", "</script>", "<style>", "<p>", "</p>", "<div class=\"ad\">", "</div>", "<br>", "<a href=\"", "\">", "</a>",
  "&amp;", "&#x41;", "&#0;", "&bogus;", "Politieke advertentie", "Betaald door ", "Paid for by ", "Gesponsord", "VVD", "D66", "GroenLinks-PvdA",
  "Sponsor:", "Periode:", "Bedrag: € ", "1.250", "verkiezing", "https://politiekereclame.nl/x", "transparantie", "@", ".", ",", ";", "\"", "'", "\n", "\r\n", "\t", " ",
  "\u0000", "\ufeff", "\u200b", "\ud800", "\u202e", "é", "ß", "政治", "{", "}", "[", "]", ":", "ad_id", "name,party,kind,aliases", "party", "NA", "≤ 10k",
];

/** Strings mixing random Unicode (lone surrogates included) with the pieces above. */
export const hostileString: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 12 }), fc.string({ maxLength: 12 })), { maxLength: 60 })
  .map((parts) => parts.join(""));

/** Any JSON value, nested a few levels. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 4 });

/** Enough cases to find shallow crashes within the folder's time budget; POLAD_PROPERTY_RUNS=5000 for a deeper hunt. */
export const RUNS = { numRuns: Number(process.env.POLAD_PROPERTY_RUNS) || 150 };
