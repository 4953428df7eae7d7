import { PLATFORM_BANS as ALL_BANS, type PlatformBan, banFor } from "../platform-bans.js";
import { type Rule, finding } from "./facts.js";

// Bans older than the Regulation itself are platform policies that never allowed political ads (TikTok).
const OBLIGATIONS_START = Date.parse("2024-04-09T00:00:00Z");

/** Kept for older importers: the enforced entries of classifier/platform-bans.ts (same shape as before plus more fields). */
export const PLATFORM_BANS: readonly PlatformBan[] = ALL_BANS.filter((b) => b.enforced);

/** Political ad on a platform that bans political ads in the EU (platform policy, separate from TTPA). */
export const politicalAdBan: Rule = {
  id: "platform.political-ad-ban",
  article: "Platform policy (Meta, Google, Microsoft, TikTok); see Art. 11-12 Regulation (EU) 2024/900",
  title: "Political ad served by a platform that bans political ads in the EU",
  severity: "medium",
  description: "Meta (since 6 October 2025), Google (since 10 October 2025) and Microsoft (since 7 October 2025) no longer accept political ads in the EU; TikTok never has. A political ad seen there after that date breaks the platform's own policy, and usually lacks the TTPA label and notice too. Each entry of the table cites its source.",
  scope: "platform",
  check(f) {
    const ban = banFor(`${f.ad.publisher} ${f.ad.source}`, f.platformBans);
    if (!ban || f.seenAt.getTime() < ban.since.getTime()) return null;
    const day = f.seenAt.toISOString().slice(0, 10);
    const since = ban.since.getTime() < OBLIGATIONS_START ? "has never accepted political ads" : `has banned political ads in the EU since ${ban.since.toISOString().slice(0, 10)}`;
    return finding(this, `Platform policy: ${ban.platform} ${since} (source: ${ban.source}), yet this political ad was seen there on ${day}. This breaks ${ban.platform}'s policy; TTPA duties (Art. 11-12) still apply.`);
  },
};
