/**
 * Hostile HTML for the label reader and the classifier, and broken notices for the notice parser,
 * each with the well-defined answer it must get. Sizes sit at the modules' own bounds: the regexes
 * these replaced took minutes on several of them (400 000 "<", unclosed "<!--", a run of "ab.").
 */

/** One hostile ad: HTML (and label text) given to classify() and detectLabel(), with what must come out. */
export interface HostileHtmlCase { name: string; html: string; label?: string; expect: { sponsor?: string | null; statement?: string | null; political?: boolean; textIncludes?: string; textExcludes?: string } }

const pad = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);

/** Malformed, enormous or adversarial ad HTML. */
export const HOSTILE_HTML: HostileHtmlCase[] = [
  { name: "400 000 '<' without '>'", html: "<".repeat(400_000), expect: { sponsor: null, statement: null } },
  { name: "100 000 unclosed comments", html: "<!--".repeat(100_000), expect: { sponsor: null } },
  { name: "50 000 unclosed <script>", html: "<script>".repeat(50_000), expect: { sponsor: null } },
  { name: "100 000 '<div' without '>'", html: "<div".repeat(100_000), expect: { sponsor: null } },
  { name: "50 000 nested divs, label at the bottom", html: `${"<div>".repeat(50_000)}Politieke advertentie · Betaald door VVD${"</div>".repeat(50_000)}`, expect: { statement: "Politieke advertentie", sponsor: "VVD" } },
  { name: "sponsor phrase before a 100 KB run of 'ab.'", html: `<p>Paid for by ${pad("ab.", 100_000)}</p>`, expect: { statement: null } },
  { name: "a 100 KB run of 'a.bc/' (URL-like, no notice word)", html: pad("a.bc/", 100_000), expect: { sponsor: null } },
  { name: "label only inside <script>", html: '<div>Koop nu</div><script>document.write("Politieke advertentie · Betaald door VVD")</script>', expect: { statement: null, sponsor: null, textExcludes: "Betaald door" } },
  { name: "label only inside a comment", html: "<div>Koop nu<!-- Politieke advertentie · Betaald door VVD --></div>", expect: { statement: null, sponsor: null } },
  { name: "label only inside <template>", html: "<div>Koop nu</div><template><b>Betaald door VVD</b></template>", expect: { sponsor: null } },
  { name: "entity bombs and out-of-range code points", html: "<p>&#xFFFFFFFF;&#0;&#x110000;&#99999999999;&bogus;&amp;amp; Betaald door D66</p>", expect: { sponsor: "D66", textIncludes: "&#xFFFFFFFF;" } },
  { name: "lone surrogates and NUL characters", html: "<p>\ud800Politieke advertentie\u0000 \udfff· Betaald door CDA</p>", expect: { statement: "Politieke advertentie", sponsor: "CDA" } },
  { name: "2 MB of filler before the label: beyond the bound, not read", html: `<div>${pad("lorem ipsum ", 2_000_000)}</div><p>Politieke advertentie · Betaald door VVD</p>`, expect: { statement: null } },
  // A browser hides text inside an unterminated attribute; the text reader strips to the first ">" and
  // reads it. The rendered-label evidence (label styles, salience rule) is what catches a hidden label.
  { name: "unterminated attribute: read up to the first '>'", html: '<div class="ad>Politieke advertentie · Betaald door VVD</div>', expect: { statement: "Politieke advertentie", sponsor: "VVD" } },
  { name: "script closer split by whitespace and case", html: "<SCRIPT>x</script\n >Betaald door PvdA", expect: { sponsor: "PvdA" } },
];

/** A broken or foreign notice and the facts that must come out of it. */
export interface BrokenNoticeCase { name: string; body: string | Record<string, unknown>; contentType?: string; expect: Record<string, unknown> }

const notNotice = { isNotice: false, found: [] };
const pdfBytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0x31, 0x20, 0x30, 0x20, 0x6f, 0x62, 0x6a, 0x0a, 0x3c, 0x3c, 0x2f, 0x46, 0x69, 0x6c, 0x74, 0x65, 0x72, 0x2f, 0x46, 0x6c, 0x61, 0x74, 0x65, 0x44, 0x65, 0x63, 0x6f, 0x64, 0x65, 0x3e, 0x3e, 0x73, 0x74, 0x72, 0x65, 0x61, 0x6d, 0x0a, 0x78, 0x9c, 0xff, 0x00, 0x01]);
const deepJson = (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;

/** Empty, foreign-language, corrupt and hostile notices. */
export const BROKEN_NOTICES: BrokenNoticeCase[] = [
  { name: "empty body", body: "", expect: { ...notNotice, format: "text" } },
  { name: "whitespace only", body: " \n\t\r\n ", expect: notNotice },
  { name: "empty JSON object", body: "{}", contentType: "application/json", expect: { ...notNotice, format: "json" } },
  { name: "empty object given directly", body: {}, expect: { ...notNotice, format: "json" } },
  { name: "corrupt PDF (truncated flate stream) decoded as UTF-8", body: pdfBytes.toString("utf8"), contentType: "application/pdf", expect: notNotice },
  { name: "corrupt PDF decoded as Latin-1, no content type", body: pdfBytes.toString("latin1"), expect: notNotice },
  { name: "PDF whose text operators hold field names", body: "%PDF-1.4\nBT /F1 12 Tf (Sponsor: VVD) Tj (Periode: 2026) Tj ET\n%%EOF", contentType: "application/pdf", expect: notNotice },
  { name: "UTF-16LE notice read as UTF-8", body: Buffer.from("Sponsor: VVD\nBetaald door: VVD\nPeriode: 1-1-2026", "utf16le").toString("utf8"), expect: notNotice },
  { name: "Polish notice (language not supported)", body: "Informacja o przejrzystości\nSponsor reklamy: Prawo i Sprawiedliwość\nOkres: od 1.01.2026\nKwota: 5000 zł", expect: { isNotice: false } },
  { name: "Japanese text", body: "政治広告の透明性通知\nスポンサー：自由民主党\n期間：2026年", expect: notNotice },
  { name: "a login wall instead of the notice", body: "<html><body><h1>Log in</h1><form><input name=password></form>Log in om verder te gaan</body></html>", contentType: "text/html", expect: { ...notNotice, format: "html" } },
  { name: "notice fields only inside <script>", body: '<html><body><script>var n = "Sponsor: VVD\\nBetaald door: VVD\\nPeriode: 2026";</script></body></html>', contentType: "text/html", expect: { ...notNotice, format: "html" } },
  { name: "JSON content type, truncated JSON", body: '{"sponsor": "VVD", "payer', contentType: "application/json", expect: { isNotice: false, format: "text" } },
  { name: "JSON array of numbers", body: "[1,2,3]", contentType: "application/json", expect: { isNotice: false } },
  { name: "JSON nested 100 000 deep (text)", body: `${"[".repeat(100_000)}${"]".repeat(100_000)}`, contentType: "application/json", expect: { isNotice: false } },
  { name: "object nested 5 000 deep", body: JSON.parse(deepJson(5000)) as Record<string, unknown>, expect: { ...notNotice, format: "json" } },
  { name: "3 MB single line after a field label: value bounded", body: `Sponsor: ${"x".repeat(3_000_000)}`, expect: { isNotice: false, sponsor: "x".repeat(500) } },
  { name: "200 000 empty field labels", body: "Sponsor:\n".repeat(200_000), expect: { isNotice: false, sponsor: null } },
  { name: "2 MB of digits (money regex)", body: "1".repeat(2_000_000), expect: { ...notNotice, amounts: null } },
  { name: "2 MB of '@' and dots (e-mail regex)", body: pad("a@b.", 2_000_000), expect: { isNotice: false } },
];
