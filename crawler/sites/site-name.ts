/**
 * A publisher's name for itself, so the dashboard can show "Nieuwsdagblad" beside a host such as
 * 127.0.0.1:41234 or www.ad.nl. Read from the page (hostile input: only the head's first bytes, the
 * result bounded and whitespace-normalised; it is escaped where shown) or the site profile.
 */
import * as cheerio from "cheerio";
import type { SiteProfile } from "./profile.js";

/** How much of a page is read for its name: the head comes first, and a name is short. */
const HEAD_BYTES = 64 * 1024;
const MAX_NAME = 120;

const clean = (s: string | undefined): string | null => {
  const t = (s ?? "").normalize("NFKC").replace(/[\p{Cc}\p{Cf}\uFFFD]/gu, " ").replace(/\s+/g, " ").trim();
  return t && t.length <= MAX_NAME ? t : null;
};

/**
 * The site's name: its og:site_name (or application-name), else the profile's name when the profile
 * covers one host (a group profile such as "DPG regional dailies" names no single site), else the last
 * part of the title after " | ", " - " or " – " ("Rotterdam kiest - AD.nl" → "AD.nl"). Null when none.
 */
export function siteNameOf(html: string, profile?: SiteProfile): string | null {
  // The head only, where the name is (a news page's body is most of its bytes): parsed on every page.
  const start = html.slice(0, HEAD_BYTES);
  const headEnd = start.search(/<\/head\s*>/i);
  const $ = cheerio.load(headEnd > 0 ? start.slice(0, headEnd) : start);
  const meta = clean($('meta[property="og:site_name"]').first().attr("content")) ?? clean($('meta[name="application-name"]').first().attr("content"));
  if (meta) return meta;
  if (profile && profile.hosts.length === 1) return clean(profile.name);
  const parts = ($("title").first().text() ?? "").split(/\s+[|–—-]\s+/);
  return parts.length > 1 ? clean(parts[parts.length - 1]) : null;
}
