import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserPool, navigate } from "../../crawler/browser.js";
import { classifyError, GiveUp } from "../../crawler/errors.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { CHROMIUM, testLog } from "../support/crawl-store.js";

describe.skipIf(!existsSync(CHROMIUM))("the browser page pool", () => {
  let pool: BrowserPool;
  let sb: Sandbox;
  let hostile = "";
  beforeAll(async () => {
    sb = await startSandbox();
    hostile = sb.addrs["hostile-site"]!;
    pool = await BrowserPool.launch({ chromiumPath: CHROMIUM, size: 1, log: testLog, navTimeoutMs: 15_000 });
  });
  afterAll(async () => {
    await pool?.close();
    await sb?.close();
  });

  it("opens pages only when an item needs one, and freezes a page's old document while the page waits", async () => {
    const lazy = await BrowserPool.launch({ chromiumPath: CHROMIUM, size: 2, log: testLog, navTimeoutMs: 15_000 });
    try {
      expect(lazy.openPages).toBe(0);
      const before = await lazy.withPage(async (page) => {
        await navigate(page, `${hostile}/malformed`);
        await page.evaluate("window.__ticks = 0; setInterval(() => { window.__ticks++; }, 10)");
        await page.waitForFunction("window.__ticks > 3");
        return (await page.evaluate("window.__ticks")) as number;
      });
      expect(lazy.openPages).toBe(1);
      // Frozen while it waits: the old document's timer does not run (unfrozen it would tick ~100 times).
      await new Promise((r) => setTimeout(r, 1_000));
      const after = await lazy.withPage(async (page) => {
        const ticks = (await page.evaluate("window.__ticks")) as number;
        // Thawed for the next item: scripts run again, and a new document loads normally.
        await navigate(page, `${hostile}/malformed`);
        return { ticks, title: await page.title(), runs: await page.evaluate("1 + 1") };
      });
      expect(after.ticks - before).toBeLessThan(30);
      expect(after.title).toBe("Kapot");
      expect(after.runs).toBe(2);
      expect(lazy.openPages).toBe(1);
      // Two items at once open the second page.
      await Promise.all([lazy.withPage((p) => navigate(p, `${hostile}/malformed`)), lazy.withPage((p) => navigate(p, `${hostile}/malformed`))]);
      expect(lazy.openPages).toBe(2);
    } finally {
      await lazy.close();
    }
  });

  it("replaces a page after it has rendered `recycleAfter` documents (the renderer's memory grows with them)", async () => {
    const recycling = await BrowserPool.launch({ chromiumPath: CHROMIUM, size: 1, log: testLog, navTimeoutMs: 15_000, recycleAfter: 2 });
    try {
      const seen: unknown[] = [];
      for (let i = 0; i < 5; i++) seen.push(await recycling.withPage(async (page) => (await navigate(page, `${hostile}/malformed`), page)));
      // Pages 1-2 one page, 3-4 the next, 5 a third; never more than the pool's one page open.
      expect(seen[0]).toBe(seen[1]);
      expect(seen[2]).not.toBe(seen[1]);
      expect(seen[2]).toBe(seen[3]);
      expect(seen[4]).not.toBe(seen[3]);
      expect(recycling.openPages).toBe(1);
    } finally {
      await recycling.close();
    }
  });

  it("survives a renderer crash: the crashed page is replaced and the next item gets a working one", async () => {
    const err = await pool.withPage(async (page) => {
      await page.goto(`${hostile}/dialogs`);
      const cdp = await page.context().newCDPSession(page);
      void cdp.send("Page.crash").catch(() => undefined); // the session dies with the renderer; that is the point
      await page.waitForEvent("crash", { timeout: 10_000 });
      return page.evaluate("1 + 1").then(() => null, (e: unknown) => e);
    }).catch((e: unknown) => e);
    expect(classifyError(err).reason).toBe("renderer-crash");
    const title = await pool.withPage(async (page) => {
      await navigate(page, `${hostile}/malformed`);
      return page.title();
    });
    expect(title).toBe("Kapot");
  });

  it("dismisses alert, confirm and prompt dialogs and closes pop-ups", async () => {
    const r = await pool.withPage(async (page) => {
      await navigate(page, `${hostile}/popup`);
      await page.waitForTimeout(300);
      const popupText = (await page.evaluate("document.body.innerText")) as string;
      await navigate(page, `${hostile}/dialogs`);
      return { pages: page.context().pages().length, popupText, text: (await page.evaluate("document.body.innerText")) as string };
    });
    expect(r.pages).toBe(1);
    expect(r.popupText).toContain("Brillenhuis Scherp");
    expect(r.text).toContain("Kookwinkel Pannenkoek");
  });

  it("refuses downloads and wrong content types instead of saving or rendering them", async () => {
    const download = await pool.withPage((page) => navigate(page, `${hostile}/download`)).catch((e: unknown) => classifyError(e));
    expect(download).toBeInstanceOf(GiveUp);
    expect((download as GiveUp).reason).toBe("download");
    const wrong = await pool.withPage((page) => navigate(page, `${hostile}/wrong-type`)).catch((e: unknown) => classifyError(e));
    expect((wrong as GiveUp).reason).toBe("wrong-content-type");
  });
});
