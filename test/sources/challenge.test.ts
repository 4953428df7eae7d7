import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS } from "../../crawler/browser.js";
import { Blocked } from "../../crawler/errors.js";
import { renderSnapshot } from "../../crawler/sources/meta-ad-library/snapshot.js";
import { openRendered } from "../../crawler/sources/platform-common/page-read.js";
import { CHROMIUM } from "./serve-replica.js";

const repoRoot = join(import.meta.dirname, "..", "..");
const sample = resolve(repoRoot, "../shared/data/real/metatargetr-meta-adlibrary-challenge-page/last_response.html");

describe.skipIf(!existsSync(sample))("the real facebook.com/ads/library JS challenge (metatargetr sample)", () => {
  let server: Server;
  let base: string;
  let browser: Browser;
  beforeAll(async () => {
    const html = readFileSync(sample, "utf8");
    server = createServer((req, res) => {
      if (req.method === "POST") return void res.writeHead(403).end();
      res.writeHead(200, { "content-type": "text/html" }).end(html);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  it("is recorded as blocked, never as a snapshot without an ad", async () => {
    const page = await browser.newPage();
    const token = "EAAsecretTOKENnotInErrors";
    const err: unknown = await renderSnapshot(page, `${base}/ads/archive/render_ad/?id=1`, token).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Blocked);
    expect((err as Blocked).reason).toBe("bot-challenge");
    expect((err as Error).message).not.toContain(token);
    expect((err as Error).message).toContain("access_token=REDACTED");
    await page.close();
  });

  it("is recorded as blocked by the library-page reader too", async () => {
    const page = await browser.newPage();
    await expect(openRendered(page, `${base}/ads/library/?q=stem`, ".ad_card")).rejects.toThrow(/bot challenge \(meta-rd-verify\)/);
    await page.close();
  });
});
