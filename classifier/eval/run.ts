/**
 * `npm run eval`: measures the political classifier on held-out labelled data (never the training split) and
 * the label and notice readers on real material from ../shared/data/real. Prints a table; reads files, so it is
 * not part of the pure classifier.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { adInputSchema } from "../../common/ad-input.js";
import { classify } from "../classify.js";
import { detectLabel } from "../label.js";
import { type Example, dutchAdExamples, isHeldOut, realDir, seedExamples, votedAdExamples } from "../model/datasets.js";
import { scoreText } from "../model/text-model.js";
import { extractHrefs, htmlToText } from "../normalize.js";
import { parseNotice } from "../notice.js";
import { row, score } from "./metrics.js";
import { ruleEval } from "./rule-eval.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const real = realDir(repoRoot);
const NOW = new Date("2026-03-10T12:00:00Z");

function verdictFor(e: Example, i: number): ReturnType<typeof classify> {
  const ad = adInputSchema.parse({ id: `eval-${i}`, source: "eval", publisher: "eval", text: e.text, first_seen: "2026-03-01T00:00:00Z" });
  return classify(ad, { now: NOW });
}
const classifyText = (e: Example, i: number): boolean => verdictFor(e, i).political;
const classifyOrReview = (e: Example, i: number): boolean => verdictFor(e, i).decision !== "no";

function bySet(examples: Example[], predict: (e: Example, i: number) => boolean, label: string): void {
  const sets = [...new Set(examples.map((e) => e.set))];
  for (const set of sets) {
    const part = examples.filter((e) => e.set === set);
    console.log(row(`${label} · ${set}`, score(part.map((e, i) => ({ truth: e.political, predicted: predict(e, i) })))));
  }
  console.log(row(`${label} · all`, score(examples.map((e, i) => ({ truth: e.political, predicted: predict(e, i) })))));
}

function politicalSection(): void {
  const heldOut = seedExamples(real).filter((e) => isHeldOut(e.text));
  const ads = [...votedAdExamples(real), ...dutchAdExamples(real)];
  console.log("\n== Political or not (held-out seeds: 20 % hash split never trained on; voted ads and Dutch ads: never trained on) ==");
  bySet(heldOut, (e) => scoreText(e.text).probability >= 0.5, "text model p>=0.5");
  bySet(heldOut, classifyText, "classify() decision=yes");
  bySet(ads, (e) => scoreText(e.text).probability >= 0.5, "text model p>=0.5");
  bySet(ads, classifyText, "classify() decision=yes");
  bySet([...heldOut, ...ads], classifyOrReview, "classify() decision=yes|review");
  confusion(heldOut.filter((e) => e.set === "nl-BE seeds"), "held-out nl-BE seeds");
  confusion(dutchAdExamples(real), "Dutch real ads (all political)");
}

// Truth (political or not) against the three decision bands, for the Dutch sets.
function confusion(examples: Example[], title: string): void {
  const cells = { yes: [0, 0], review: [0, 0], no: [0, 0] };
  examples.forEach((e, i) => {
    const cell = cells[verdictFor(e, i).decision];
    cell[e.political ? 0 : 1] = (cell[e.political ? 0 : 1] ?? 0) + 1;
  });
  console.log(`\nconfusion · ${title} (rows: decision; columns: truth political / not political)`);
  for (const band of ["yes", "review", "no"] as const) console.log(`  ${band.padEnd(7)} ${String(cells[band][0]).padStart(6)} ${String(cells[band][1]).padStart(6)}`);
}

function ruleSection(): void {
  const dir = path.join(real, "openstate-politiekereclame-nl-statements");
  const statements = ["statements_snapshot_2025-10.json", "statements_newer_2025-11_to_2026-07_sample10.json"].flatMap(
    (f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Array<Record<string, unknown>>,
  );
  console.log("\n== Per rule: constructed cases from the real politiekereclame.nl statements (compliant ad = negative, one mutation per rule = positive) ==");
  const { results, notPolitical } = ruleEval(statements);
  console.log(`statements whose compliant ad is not judged political (not scored): ${notPolitical.length ? notPolitical.join(", ") : "none"}`);
  for (const { rule, scores, misses } of results) {
    console.log(`${row(rule, scores)}  tp=${scores.tp} fp=${scores.fp} fn=${scores.fn} tn=${scores.tn}`);
    if (misses.length > 0) console.log(`  disagreements (${misses.length}): ${misses.slice(0, 8).join(", ")}${misses.length > 8 ? " …" : ""}`);
  }
}

function labelSection(): void {
  console.log("\n== Label detection on real pages and ads ==");
  const pages: Array<{ name: string; html: string }> = [];
  for (const dir of ["trafilatura-news-pages-with-ad-slots", "propublica-facebook-political-ads/extension-fixtures", "tracking-exposed-facebook", "c4d-google-political-transparency-report-html"]) {
    const full = path.join(real, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full).filter((f) => f.endsWith(".html")).sort()) pages.push({ name: `${dir}/${f}`, html: readFileSync(path.join(full, f), "utf8") });
  }
  const found = pages.map((p) => ({ name: p.name, label: detectLabel(htmlToText(p.html), extractHrefs(p.html)) }));
  const statements = found.filter((f) => f.label.statement);
  const markers = found.filter((f) => f.label.commercialMarkers.length > 0);
  console.log(`pages/ads scanned: ${pages.length}; commercial markers seen in ${markers.length}; TTPA statements claimed: ${statements.length} (none of these pre-2025 pages carries a TTPA label, so every claim is a false positive)`);
  for (const s of statements) console.log(`  false statement in ${s.name}: "${s.label.statement}"`);
  const expected: Record<string, RegExp> = { "paid-for-timeline-ad.html": /JB for Governor/i, "text-ad.html": /TRUMP/i, "image-ad.html": /./, "image-ad2.html": /./, "video-ad.html": /./ };
  const sponsorClaims = found.filter((f) => f.label.sponsor);
  const correct = sponsorClaims.filter((f) => Object.entries(expected).some(([file, re]) => f.name.endsWith(file) && re.test(f.label.sponsor ?? "")));
  console.log(`sponsor ("Paid for by …") extraction: ${sponsorClaims.length} claims, ${correct.length} correct → precision ${(correct.length / Math.max(1, sponsorClaims.length)).toFixed(3)}; recall ${correct.length}/${Object.keys(expected).length}`);
  for (const f of sponsorClaims) console.log(`  ${f.name}: sponsor "${f.label.sponsor}"`);
}

function noticeSection(): void {
  console.log("\n== Notice reading: real politiekereclame.nl statements, and the real pages above as non-notices ==");
  const dir = path.join(real, "openstate-politiekereclame-nl-statements");
  const statements = ["statements_snapshot_2025-10.json", "statements_newer_2025-11_to_2026-07_sample10.json"].flatMap(
    (f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Array<Record<string, unknown>>,
  );
  const asJson = statements.map((s) => parseNotice(JSON.stringify(s), "application/json"));
  const counts = new Map<string, number>();
  for (const n of asJson) for (const e of n.found) counts.set(e, (counts.get(e) ?? 0) + 1);
  console.log(`statements: ${statements.length}; recognised as notices: ${asJson.filter((n) => n.isNotice).length}`);
  console.log(`elements present: ${[...counts].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  const pages = ["trafilatura-news-pages-with-ad-slots", "propublica-facebook-political-ads/extension-fixtures"].flatMap((d) =>
    readdirSync(path.join(real, d)).filter((f) => f.endsWith(".html")).map((f) => readFileSync(path.join(real, d, f), "utf8")),
  );
  const falseNotices = pages.filter((html) => parseNotice(html, "text/html").isNotice).length;
  console.log(`non-notice pages judged to be notices: ${falseNotices} of ${pages.length}`);
}

if (!existsSync(real)) {
  console.error(`eval: ${real} not found; the labelled material lives in ../shared/data/real`);
  process.exit(1);
}
politicalSection();
ruleSection();
labelSection();
noticeSection();
