import { PLATFORM_BANS as CLASSIFIER_BANS } from "../classifier/rules/platform-political-ad-ban.js";
import type { PlatformBan } from "../store/queries/dashboard-enforcement.js";

/**
 * Platforms that ban political ads in the EU and since when, taken from the classifier's rule
 * platform.political-ad-ban so the dashboard and the rule agree. Postgres regexes spell a word
 * boundary `\y`, not `\b`.
 */
export const PLATFORM_BANS: PlatformBan[] = CLASSIFIER_BANS.map((b) => ({
  platform: b.platform,
  since: b.since,
  pattern: b.re.source.replace(/\\b/g, "\\y"),
}));

/** True when a publisher name or source id belongs to a banning platform (same test as the rule). */
export function bansFor(name: string): PlatformBan[] {
  return CLASSIFIER_BANS.filter((b) => b.re.test(name)).map((b) => ({ platform: b.platform, since: b.since, pattern: b.re.source.replace(/\\b/g, "\\y") }));
}
