/**
 * The publisher source's one hook into site profiles: before a page is scanned, accept the consent
 * banner or wall the way a reader would (click a button by its visible text, or a known CMP selector,
 * in the page or a CMP frame; follow a redirecting consent gate back to the article), and hand back
 * the profile's extra slot selectors. Pages of sites without a profile are left as they are.
 */
import type { Frame, Page } from "playwright-core";
import type { Logger } from "pino";
import { findSiteProfile, type SiteProfile } from "./profile.js";

/** What the hook did: the profile used, the URL the page ended on, and extra slot selectors. */
export interface PreparedPage { profile: SiteProfile | null; finalUrl: string; slotSelectors: string[]; consent: string | null }

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function clickIn(frame: Frame, p: SiteProfile): Promise<string | null> {
  for (const sel of p.consent.selectors) {
    const loc = frame.locator(sel).first();
    if (await loc.isVisible().catch(() => false)) {
      await loc.click({ timeout: 3_000 });
      return sel;
    }
  }
  for (const text of p.consent.buttonTexts) {
    const name = new RegExp(`^\\s*${esc(text)}\\s*$`, "i");
    const loc = frame.getByRole("button", { name }).or(frame.getByRole("link", { name })).first();
    if (await loc.isVisible().catch(() => false)) {
      await loc.click({ timeout: 3_000 });
      return text;
    }
  }
  return null;
}

function consentFrames(page: Page, p: SiteProfile): Frame[] {
  return page.frames().filter((f) => f === page.mainFrame() || p.consent.frameUrlPatterns.some((s) => f.url().includes(s)));
}

async function wallUp(page: Page, p: SiteProfile): Promise<boolean> {
  if (p.consent.gateUrlPatterns.some((s) => page.url().includes(s))) return true;
  if (p.consent.wallSelectors.length === 0) return false;
  return (await page.locator(p.consent.wallSelectors.join(", ")).count().catch(() => 0)) > 0;
}

/** Clicks the accept control once it shows (bounded by `waitMs`); then waits for a gate to send the reader back. */
async function acceptConsent(page: Page, p: SiteProfile, waitMs: number): Promise<string | null> {
  const deadline = Date.now() + waitMs;
  const probeEnd = Math.min(deadline, Date.now() + 1_000);
  let up = await wallUp(page, p);
  while (!up && Date.now() < probeEnd) {
    await page.waitForTimeout(200);
    up = await wallUp(page, p);
  }
  if (!up) return null;
  for (;;) {
    for (const f of consentFrames(page, p)) {
      const hit = await clickIn(f, p).catch(() => null);
      if (hit) {
        if (p.consent.gateUrlPatterns.length) await page.waitForURL((u) => !p.consent.gateUrlPatterns.some((s) => u.href.includes(s)), { timeout: Math.max(1_000, deadline - Date.now()), waitUntil: "load" }).catch(() => undefined);
        return hit;
      }
    }
    if (Date.now() >= deadline) return null;
    await page.waitForTimeout(250);
  }
}

/**
 * Applies the profile for this page (by host, or `opts.siteProfile` naming one for a replica).
 * Consent is given at most once per page visit; a wall that cannot be passed is logged and the page
 * is scanned as it is (the evidence then shows the wall).
 */
export async function prepareSitePage(page: Page, o: { url: string; siteProfile?: unknown; log: Logger; waitMs?: number }): Promise<PreparedPage> {
  const profile = findSiteProfile(o.url, o.siteProfile) ?? null;
  if (!profile) return { profile: null, finalUrl: page.url(), slotSelectors: [], consent: null };
  const consent = await acceptConsent(page, profile, o.waitMs ?? 6_000);
  if (consent) o.log.debug({ site: profile.id, consent }, "consent given");
  else if (await wallUp(page, profile)) o.log.info({ site: profile.id, url: page.url() }, "consent wall not passed");
  return { profile, finalUrl: page.url(), slotSelectors: profile.slotHints, consent };
}
