/**
 * Paging of linkedin.com/ad-library search results. A search page (and every later fragment) carries
 * `<code id="paginationMetadata"><!--{"isLastPage": false, "paginationToken": "…"}--></code>`; the next
 * results are `GET /ad-library/searchPaginationFragment?<the search's parameters>&paginationToken=…`,
 * an HTML fragment of `.search-result-item` cards with its own metadata; the last has isLastPage true.
 * Built from third-party scrapers of the public library (the endpoint, the parameter and the metadata
 * element); no saved real page here.
 */
import * as cheerio from "cheerio";
import { z } from "zod";
import type { SourceContext } from "../../source.js";
import { checkPageStatus, type ListPager } from "../platform-common/list-pager.js";
import { LINKEDIN } from "./selectors.js";

/** The fragment endpoint. */
export const FRAGMENT_PATH = "/ad-library/searchPaginationFragment";
const metaSchema = z.object({ isLastPage: z.boolean().optional(), paginationToken: z.union([z.string().max(500), z.number()]).transform(String).nullish() }).passthrough();

/** The next page's token from a page or fragment, or null when it is the last (isLastPage, no token, or token "0"). */
export function paginationToken(html: string): string | null {
  // Found with indexOf, not one regex over the page: a hostile page of unclosed "<code" would make that quadratic.
  let at = html.indexOf("paginationMetadata");
  while (at >= 0 && !/\bid\s*=\s*["']?$/.test(html.slice(Math.max(0, at - 12), at))) at = html.indexOf("paginationMetadata", at + 1);
  const tag = at < 0 ? -1 : html.lastIndexOf("<code", at);
  const open = at < 0 ? -1 : html.indexOf("<!--", at);
  const close = open < 0 ? -1 : html.indexOf("-->", open);
  if (tag < 0 || at - tag > 200 || open < 0 || open - at > 200 || close < 0 || close - open > 4000) return null;
  let meta: z.infer<typeof metaSchema>;
  try {
    meta = metaSchema.parse(JSON.parse(html.slice(open + 4, close).replace(/&quot;/g, '"').trim()));
  } catch {
    return null;
  }
  const token = meta.paginationToken ?? null;
  return meta.isLastPage || !token || token === "0" ? null : token;
}

/** The fragment URL for `token`, keeping the search's own parameters. */
function fragmentUrl(from: string, token: string): string {
  const f = new URL(from);
  const u = new URL(`${f.origin}${FRAGMENT_PATH}`);
  for (const [k, v] of f.searchParams) if (k !== "paginationToken") u.searchParams.append(k, v);
  u.searchParams.set("paginationToken", token);
  return u.href;
}

/** LinkedIn's list paging (library-source pager). */
export const linkedinPager: ListPager = {
  secondPage({ listUrl, html }) {
    const token = paginationToken(html);
    return token ? fragmentUrl(listUrl, token) : null;
  },
  async fetchPage(url: string, ctx: SourceContext) {
    const res = await ctx.fetch(url, { headers: { accept: "text/html,*/*;q=0.8" } });
    checkPageStatus(res.status, "LinkedIn search fragment");
    const $ = cheerio.load(res.body);
    const details = $(LINKEDIN.detailLink).slice(0, 500).toArray().map((a) => $(a).attr("href") ?? "").filter(Boolean).map((h) => new URL(h, url).href);
    const token = paginationToken(res.body);
    return { details, next: token ? fragmentUrl(url, token) : null };
  },
};
