import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS } from "../../crawler/browser.js";
import { detectChallenge } from "../../crawler/challenge.js";
import { scanLoadedPage } from "../../crawler/sources/publisher/source.js";
import { isEmptySlot } from "../../crawler/sources/publisher/build-ad.js";
import { CHROMIUM, testLog } from "../support/crawl-store.js";

const repoRoot = resolve(import.meta.dirname, "../..");
const dir = resolve(repoRoot, "../shared/data/real/trafilatura-news-pages-with-ad-slots");
const FILES = ["sueddeutsche.de.flixtrain.html", "theguardian.com.academics.html", "zeit.de.zugverkehr.html", "tegernseerstimme.de-Klimavorreiter.html", "zdnet.de.facebook.html", "rtl.de-lockdown.html", "eltiempo.com-candidatos.html", "kxan.com-Voters.html"];
const ELECTION_NEWS = /candidat|elecci|presiden|petro|fico|ballot|voter|election|proposition|amendment/i;

describe.skipIf(!existsSync(dir) || !existsSync(CHROMIUM))("publisher slot finder on real news pages (JS off, no network)", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await ctx.route("**/*", (r) => r.abort());
    page = await ctx.newPage();
  });
  afterAll(async () => browser?.close());

  async function scan(file: string) {
    await page.setContent(readFileSync(resolve(dir, file), "utf8"), { waitUntil: "domcontentloaded", timeout: 30_000 });
    return scanLoadedPage(page, testLog);
  }

  for (const file of FILES) {
    it(`finds the ad slots of ${file} and keeps the article out of them`, async () => {
      const { slots, evidence } = await scan(file);
      expect(slots.count).toBeGreaterThanOrEqual(2);
      const h1 = ((await page.evaluate("document.querySelector('h1')?.innerText ?? ''")) as string).trim();
      for (const ev of evidence) {
        expect(ev.text.length).toBeLessThanOrEqual(3000);
        if (h1.length > 20) expect(ev.text).not.toContain(h1.slice(0, 40));
      }
    }, 60_000);
  }

  it("finds no political ad in the Colombian and Texan election news", async () => {
    for (const file of ["eltiempo.com-candidatos.html", "kxan.com-Voters.html"]) {
      const { evidence } = await scan(file);
      const filled = evidence.filter((ev) => !isEmptySlot(ev));
      for (const ev of filled) expect(ev.text, `${file}: ${ev.text.slice(0, 120)}`).not.toMatch(ELECTION_NEWS);
    }
  }, 60_000);

  it("reads the German 'Anzeige' labels of Süddeutsche ad slots and leaves its footer (class ad_Right) alone", async () => {
    const { evidence } = await scan("sueddeutsche.de.flixtrain.html");
    expect(evidence.filter((ev) => ev.labels.some((l) => /anzeige/i.test(l.text))).length).toBeGreaterThanOrEqual(4);
    expect(evidence.some((ev) => ev.text.includes("Panorama"))).toBe(false);
  }, 60_000);

  it("does not mistake a real news page for a bot challenge", () => {
    for (const file of FILES) expect(detectChallenge(readFileSync(resolve(dir, file), "utf8"), 200), file).toBeNull();
  });
});

const challenge = resolve(repoRoot, "../shared/data/real/metatargetr-meta-adlibrary-challenge-page/last_response.html");
describe.skipIf(!existsSync(challenge))("bot challenge detection", () => {
  it("recognises the real Meta Ad Library challenge page as a challenge, not as zero ads", () => {
    expect(detectChallenge(readFileSync(challenge, "utf8"), 200)).toBe("meta-rd-verify");
  });
});
