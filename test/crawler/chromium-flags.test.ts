import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { CHROMIUM_ARGS } from "../../crawler/browser.js";
import { CHROMIUM } from "../support/crawl-store.js";

/** The features Chromium switches off when launched by Playwright with `args`: only the last `--disable-features` counts. */
async function disabledFeatures(args: string[]): Promise<string[]> {
  // --enable-automation lets the browser tell its own command line.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...args, "--enable-automation"], headless: true });
  try {
    const cdp = await browser.newBrowserCDPSession();
    const { arguments: argv } = (await cdp.send("Browser.getBrowserCommandLine" as never)) as { arguments: string[] };
    const last = argv.filter((a) => a.startsWith("--disable-features=")).at(-1);
    return last ? last.slice("--disable-features=".length).split(",") : [];
  } finally {
    await browser.close();
  }
}

describe.skipIf(!existsSync(CHROMIUM))("the crawler's Chromium flags", () => {
  it("keep every feature Playwright switches off, and switch off the crawler's own", async () => {
    const playwrights = await disabledFeatures([]);
    expect(playwrights).toContain("PaintHolding");
    const ours = await disabledFeatures(CHROMIUM_ARGS);
    // A Playwright upgrade that switches off another feature fails here, naming it.
    expect(playwrights.filter((f) => !ours.includes(f))).toEqual([]);
    expect(ours).toEqual(expect.arrayContaining(["BackForwardCache", "ProactivelySwapBrowsingInstance", "RenderDocument"]));
  }, 60_000);
});
