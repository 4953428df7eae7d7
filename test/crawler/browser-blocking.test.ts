import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserPool, navigate } from "../../crawler/browser.js";
import { CHROMIUM, testLog } from "../support/crawl-store.js";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

describe.skipIf(!existsSync(CHROMIUM))("what the browser pool does not load", () => {
  let server: Server;
  let base = "";
  const hits: string[] = [];
  let pool: BrowserPool;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      hits.push(path);
      if (path === "/") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return void res.end(`<!doctype html><html><head><link rel="preload" as="font" type="font/woff2" href="/f.woff2" crossorigin><style>@font-face{font-family:X;src:url(/g.woff2)}body{font-family:X}</style></head>
<body><p>Tekst</p><div class="ad-slot"><img id="banner" src="/banner.png" width="300" height="250" alt="advertentie"></div><video src="/clip.mp4" preload="auto" muted></video></body></html>`);
      }
      if (path === "/banner.png") return void res.writeHead(200, { "content-type": "image/png" }).end(PNG);
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(Buffer.alloc(64));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    pool = await BrowserPool.launch({ chromiumPath: CHROMIUM, size: 1, log: testLog, navTimeoutMs: 30_000 });
  });
  afterAll(async () => {
    await pool?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  it("refuses web fonts and video, and still loads the ad's image for the screenshot", async () => {
    const refused = await pool.withPage(async (page) => {
      const failed: string[] = [];
      page.on("requestfailed", (r) => failed.push(`${new URL(r.url()).pathname} ${r.failure()?.errorText ?? ""}`));
      await navigate(page, `${base}/`);
      await page.waitForLoadState("load", { timeout: 30_000 });
      await page.waitForFunction("document.getElementById('banner').complete && document.getElementById('banner').naturalWidth === 1", undefined, { timeout: 30_000 });
      return failed;
    });
    expect(hits).toContain("/banner.png");
    expect(hits.filter((h) => /\.(woff2|mp4)$/.test(h))).toEqual([]);
    // Chromium reports a URL blocked through DevTools as failed by "inspector"
    expect(refused.some((f) => f.startsWith("/clip.mp4"))).toBe(true);
    expect(refused.some((f) => f.startsWith("/f.woff2") && /inspector|ERR_BLOCKED_BY_CLIENT/.test(f)), JSON.stringify({ refused, hits })).toBe(true);
  }, 120_000);
});
