import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromium } from "playwright-core";
import { adInputSchema } from "../../common/ad-input.js";
import { classify } from "../../classifier/classify.js";
import { foldText } from "../../classifier/normalize.js";
import { OcrError, OcrRunner } from "../../crawler/ocr.js";
import { NOW } from "./helpers.js";

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// An image ad: the page text has only the slogan; the label is drawn on a canvas, so it exists only as pixels.
const AD_HTML = `<!doctype html><html><body style="margin:0;background:#fff">
<div id="ad" style="width:640px;padding:16px;font-family:sans-serif">
  <p style="font-size:22px">Samen voor een groener Utrecht.</p>
  <canvas id="c" width="640" height="130"></canvas>
</div>
<script>
  const g = document.getElementById("c").getContext("2d");
  g.fillStyle = "#fff"; g.fillRect(0, 0, 640, 130);
  g.fillStyle = "#000"; g.font = "bold 34px sans-serif";
  g.fillText("Politieke advertentie", 10, 45);
  g.font = "30px sans-serif";
  g.fillText("Betaald door D66 Utrecht", 10, 105);
</script></body></html>`;

const adFields = (extra: Record<string, unknown>) => adInputSchema.parse({
  id: "img-1", source: "publisher", publisher: "nu.nl", sponsor: "D66 Utrecht", html: "<div><p>Samen voor een groener Utrecht.</p><canvas></canvas></div>",
  notice_url: "https://politiekereclame.nl/transparantie-verklaringen/abc123", first_seen: "2026-03-01T09:00:00Z", last_seen: "2026-03-02T09:00:00Z", ...extra,
});

describe("OCR of a label drawn only in the ad image (crawler/ocr.ts → ocr_text → classify)", () => {
  let browser: Browser;
  let ocr: OcrRunner;
  let png: Buffer;
  let read: { text: string; confidence: number };
  beforeAll(async () => {
    [browser, ocr] = await Promise.all([chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS }), OcrRunner.create(["nld", "eng"])]);
    const page = await browser.newPage({ viewport: { width: 700, height: 400 } });
    await page.setContent(AD_HTML);
    png = await page.locator("#ad").screenshot();
    read = await ocr.recognize(png);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([browser?.close(), ocr?.close()]);
  });

  it("reads the label's words from the screenshot", () => {
    const { text, confidence } = read;
    const folded = foldText(text);
    expect(folded).toContain("politieke advertentie");
    expect(folded).toContain("betaald door d66 utrecht");
    expect(confidence).toBeGreaterThan(50);
  });

  it("classifies the label found by OCR and says so", () => {
    const { text } = read;
    const withOcr = classify(adFields({ ocr_text: text, notice_url: null }), { now: NOW });
    const withoutOcr = classify(adFields({ notice_url: null }), { now: NOW });
    expect(withoutOcr.findings.map((f) => f.rule)).toContain("ttpa.11-1-a.label-missing");
    expect(withOcr.findings.map((f) => f.rule)).not.toContain("ttpa.11-1-a.label-missing");
    expect(withOcr.reasons.join("\n")).toMatch(/political-ad statement \(a\).*read by OCR from the ad image/);
    const noNotice = withOcr.findings.find((f) => f.rule === "ttpa.11-1-e.notice-missing");
    expect(noNotice?.message ?? "").toMatch(/read by OCR too \(the political-ad statement \(a\), the sponsor \(b\) came from OCR\)/);
  });

  it("refuses an empty image", async () => {
    await expect(ocr.recognize(Buffer.alloc(0))).rejects.toBeInstanceOf(OcrError);
  });
});

describe("ocr_text in the pure classifier", () => {
  it("says when the political decision rests on OCR", () => {
    const base = { sponsor: "Fietsenwinkel Jansen", html: "<p>Nieuwe fietsen, nu met gratis verzending.</p>", notice_url: null };
    const plain = classify(adFields(base), { now: NOW });
    const ocrd = classify(adFields({ ...base, ocr_text: "Stem 18 maart op lijst 4\nGemeenteraadsverkiezingen 2026" }), { now: NOW });
    expect(plain.decision).toBe("no");
    expect(ocrd.decision).toBe("yes");
    expect(ocrd.reasons.join("\n")).toMatch(/OCR: the decision "yes" rests on text read by OCR from the ad image \(the page text alone gives "no"\)/);
  });

  it("adds nothing when the page text already decides", () => {
    const v = classify(adFields({ html: "<p>Stem 18 maart op lijst 4!</p>", ocr_text: "Stem op lijst 4" }), { now: NOW });
    expect(v.reasons.join("\n")).not.toMatch(/rests on text read by OCR/);
  });
});
