/**
 * Platforms that do not accept political ads in the EU, since when, and the source for each entry (reference
 * ttpa-regulation.md §4.3). The dashboard imports this table; the rule platform.political-ad-ban uses the entries
 * marked `enforced`. Patterns are plain alternations with \b only, so that they also run as Postgres regexes
 * (`~*`, with \b spelled \y).
 */

/** One platform's EU ban on political ads. */
export interface PlatformBan {
  platform: string;
  /** Publisher names or source ids that belong to the platform (case-insensitive). */
  re: RegExp;
  /** When ads stopped being accepted in the EU (UTC). */
  since: Date;
  /** What the policy covers, in one line. */
  scope: string;
  /** Where the entry comes from. */
  source: string;
  /** "P": the platform's own statement read; "S": secondary source; "U": not verified. */
  status: "P" | "S" | "U";
  /** The rule flags ads on this platform only for verified entries (P or S). */
  enforced: boolean;
}

/** The preloaded table. Unverified platforms (X, LinkedIn, Snapchat) are listed, not enforced. */
export const PLATFORM_BANS: readonly PlatformBan[] = [
  {
    platform: "Meta", re: /facebook|instagram|\bmeta\b|threads|messenger|whatsapp/i, since: new Date("2025-10-06T16:00:00Z"),
    scope: "political, electoral and social-issue ads in the EU (Facebook, Instagram; Threads and WhatsApp per press)",
    source: "Meta newsroom 'Ending political, electoral and social issue advertising in the EU' (July 2025); cut-off 6 Oct 2025 18:00 CEST per thesocialmediastar.com",
    status: "P", enforced: true,
  },
  {
    platform: "Google", re: /google|youtube|doubleclick|adsense|\bgdn\b|dv360/i, since: new Date("2025-10-09T22:00:00Z"),
    scope: "EU political ads on Search, Display and YouTube; campaigns self-declare contains_eu_political_advertising since 3 Sep 2025",
    source: "Google Ads API EU political ads policy (developers.google.com/google-ads/api/docs/api-policy/eu-par); announced 14 Nov 2024",
    status: "P", enforced: true,
  },
  {
    platform: "Microsoft", re: /microsoft|\bbing\b|msn\.com|\bmsan\b|xandr/i, since: new Date("2025-10-06T22:00:00Z"),
    scope: "election, candidate, party and ballot-measure ads and political fundraising (global); TTPA political-ad declaration by 7 Oct 2025",
    source: "expertppc.co.uk on Microsoft's TTPA declaration; Microsoft Code of Practice report (reference §4.3)",
    status: "S", enforced: true,
  },
  {
    platform: "TikTok", re: /tiktok/i, since: new Date("2019-10-03T00:00:00Z"),
    scope: "no paid political ads at all: never allowed since the 2019 policy",
    source: "TikTok ads policy since 2019, per dkoding.in (reference §4.3)",
    status: "S", enforced: true,
  },
  {
    platform: "LinkedIn", re: /linkedin/i, since: new Date("2025-10-10T00:00:00Z"),
    scope: "political ads (policy not verified for the EU)", source: "not verified (reference §4.3 lists LinkedIn as U)", status: "U", enforced: false,
  },
  {
    platform: "X", re: /twitter|\bx\.com\b/i, since: new Date("2025-10-10T00:00:00Z"),
    scope: "political ads (policy not verified for the EU)", source: "not verified (reference §4.3 lists X as U)", status: "U", enforced: false,
  },
  {
    platform: "Snapchat", re: /snapchat/i, since: new Date("2025-10-10T00:00:00Z"),
    scope: "political ads (policy not verified for the EU)", source: "not verified (reference §4.3 lists Snapchat as U)", status: "U", enforced: false,
  },
];

/** The enforced ban that covers a publisher or source name, if any. */
export function banFor(where: string, table: readonly PlatformBan[] = PLATFORM_BANS): PlatformBan | undefined {
  return table.find((b) => b.enforced && b.re.test(where));
}
