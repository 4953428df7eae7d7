/**
 * Site profiles: per-publisher knowledge kept as data (crawler/sites/nl.ts), validated with zod when
 * loaded: seeds, ad-slot hints (CSS selectors the generic slot finder would miss) and how to get past
 * the consent banner or wall as a reader would (button texts and selectors, the frames a CMP draws in,
 * the URL of a redirecting consent gate). The publisher source looks a profile up by the page's host.
 */
import { z } from "zod";
import { NL_SITE_PROFILES } from "./nl.js";

const cssList = z.array(z.string().min(1).max(300)).max(60);

/** One publisher's profile. */
export const siteProfileSchema = z.object({
  id: z.string().min(2).max(100),
  name: z.string().min(1).max(200),
  group: z.string().min(1).max(100),
  /** Hosts this profile applies to; a subdomain of one matches too (www.ad.nl, regio.ad.nl). */
  hosts: z.array(z.string().regex(/^[a-z0-9.-]+$/)).min(1),
  seeds: z.array(z.url()).min(1).max(30),
  slotHints: cssList,
  consent: z.object({
    /** Visible button or link texts that accept, matched whole and case-insensitively ("Akkoord"). */
    buttonTexts: z.array(z.string().min(1).max(60)).max(30),
    selectors: cssList,
    /** Substrings of the URL of frames the consent manager draws in (Sourcepoint, Didomi, DPG's gate). */
    frameUrlPatterns: z.array(z.string().min(1).max(200)).max(20),
    /** Substrings of a page URL that is a consent gate the site redirected to (DPG's privacy gate). */
    gateUrlPatterns: z.array(z.string().min(1).max(200)).max(20),
    /** Elements whose presence shows a banner or wall is up (so the crawler waits for it only then). */
    wallSelectors: cssList,
  }),
  /** What the profile was built from, and what is unverified. */
  basis: z.string().min(1).max(1000),
});

/** A validated site profile. */
export type SiteProfile = z.infer<typeof siteProfileSchema>;

/** Every profile, validated once at load (a bad entry fails loudly, naming its index and field). */
export const SITE_PROFILES: SiteProfile[] = z.array(siteProfileSchema).parse(NL_SITE_PROFILES);

/**
 * The profile for a page: the one named by `override` (a profile id, for replicas on loopback), or the
 * one whose host is the page's host or a parent domain of it.
 */
export function findSiteProfile(url: string, override?: unknown, profiles: readonly SiteProfile[] = SITE_PROFILES): SiteProfile | undefined {
  if (typeof override === "string") return profiles.find((p) => p.id === override);
  if (!URL.canParse(url)) return undefined;
  const host = new URL(url).hostname.toLowerCase();
  return profiles.find((p) => p.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
}

/** Every seed URL of the profiles (for a crawl of the Dutch press as a whole). */
export function siteSeeds(profiles: readonly SiteProfile[] = SITE_PROFILES): string[] {
  return profiles.flatMap((p) => p.seeds);
}
