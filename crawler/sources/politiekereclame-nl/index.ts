/**
 * politiekereclame.nl source: pages through the platform's public statements API
 * (GET /api/public/statements?page=N&limit=L[&q=term]), stores every statement as a
 * `notice-statement` record with its statement inline, and archives its statement page
 * (/transparantie-verklaringen/<public_id>) as the notice, the page ads link to.
 *
 * Checked against real material: endpoint, query parameters, the `items`/`meta` envelope and the page
 * path from three public clients (see schema.ts); field names and values from the 118 real statements
 * (parsed in test/sources/politiekereclame-nl.test.ts). Checked only against the replica: the HTML of a
 * statement page (the real site renders it with script; polad archives what it is served), error
 * answers and the exact meaning of `filter_count` versus `total_count` when a filter is given.
 */
import { UsageError } from "../../../common/errors.js";
import { Blocked, GiveUp, RetryLater } from "../../errors.js";
import type { AdSource, FetchResult, SourceContext, SourceOptions, WorkItem } from "../../source.js";
import { PR_SOURCE_ID, statementPageUrl, statementToRecord } from "./map.js";
import { statementSchema, statementsPageSchema } from "./schema.js";

export { statementsToActors, statementIssueAdvertisers } from "./actors.js";

const DEFAULT_BASE = "https://politiekereclame.nl";
const API_PATH = "/api/public/statements";
const DEFAULT_LIMIT = 100;

function pageSize(opts: SourceOptions): number {
  const n = Number(opts.pageSize ?? DEFAULT_LIMIT);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : DEFAULT_LIMIT;
}

/** The API URL of one page, with the optional free-text filter. */
export function statementsApiUrl(base: string, o: { page: number; limit: number; q?: string | undefined }): string {
  const u = new URL(API_PATH, base);
  u.searchParams.set("page", String(o.page));
  u.searchParams.set("limit", String(o.limit));
  if (o.q) u.searchParams.set("q", o.q);
  return u.href;
}

/** Maps an HTTP answer of the API to what the runner should do; returns the parsed page when it is one. */
function parsePage(res: FetchResult): { items: unknown[]; total: number | null; limit: number | null } {
  if (res.status === 429 || res.status >= 500) throw new RetryLater(`http-${res.status}`, `statements API answered HTTP ${res.status}`);
  if (res.status === 401 || res.status === 403) throw new Blocked(`http-${res.status}`, `statements API refused us (HTTP ${res.status})`);
  if (res.status !== 200) throw new GiveUp(`http-${res.status}`, `statements API answered HTTP ${res.status} at ${res.url}`);
  if (res.headers["x-polad-truncated"] === "1") throw new GiveUp("too-large", "statements page larger than the fetch limit: use a smaller pageSize");
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch (err) {
    throw new GiveUp("bad-payload", `statements API did not answer JSON (${res.headers["content-type"] ?? "no content-type"})`, { cause: err });
  }
  const page = statementsPageSchema.safeParse(json);
  if (!page.success) throw new GiveUp("bad-payload", `statements API page: ${page.error.issues[0]?.path.join(".") || "(root)"} ${page.error.issues[0]?.message}`);
  const meta = page.data.meta;
  return { items: page.data.items, total: meta?.filter_count ?? meta?.total_count ?? null, limit: meta?.limit ?? null };
}

async function handlePage(item: WorkItem, ctx: SourceContext, opts: SourceOptions): Promise<void> {
  const res = await ctx.fetch(item.url, { headers: { accept: "application/json" } });
  const { items, total, limit } = parsePage(res);
  const pageNo = Number(new URL(item.url).searchParams.get("page") ?? 1);
  const size = limit ?? pageSize(opts);
  const siteBase = typeof opts.siteBase === "string" ? opts.siteBase : (opts.apiBase ?? DEFAULT_BASE);
  let stored = 0;
  for (const [i, raw] of items.entries()) {
    const st = statementSchema.safeParse(raw);
    if (!st.success) {
      const issue = st.error.issues[0];
      ctx.log.warn({ source: PR_SOURCE_ID, url: item.url, index: i, field: issue?.path.join("."), problem: issue?.message }, "statement refused");
      continue;
    }
    const pageUrl = statementPageUrl(siteBase, st.data.public_id);
    const notice = opts.fetchStatementPages === false ? null : await ctx.fetchNotice(pageUrl);
    const ad = statementToRecord(st.data, pageUrl);
    if (notice) ad.notice_status = notice.status;
    const sighting = { pageUrl: item.url, frameChain: [], seenAt: ctx.now().toISOString(), viewport: null, userAgent: null, screenshotPng: null, html: null, labelStyles: [], links: [pageUrl] };
    await ctx.emit({ ad, sighting, notice });
    stored++;
  }
  ctx.log.info({ source: PR_SOURCE_ID, page: pageNo, items: items.length, stored, total }, "statements page imported");
  const more = items.length > 0 && (total !== null ? pageNo * size < total : items.length >= size);
  if (more) {
    const next = new URL(item.url);
    next.searchParams.set("page", String(pageNo + 1));
    await ctx.enqueue([{ url: next.href, kind: item.kind, depth: item.depth + 1 }]);
  }
}

/** The politiekereclame.nl statements source (registry entry). */
export const politiekereclameNlSource: AdSource = {
  id: PR_SOURCE_ID,
  description: "politiekereclame.nl transparency statements (public API), each archived with its statement page",
  seed(opts) {
    const base = opts.apiBase ?? DEFAULT_BASE;
    if (!/^https?:\/\//.test(base)) throw new UsageError(`--api-base: not an http(s) URL: ${base}`);
    const terms = opts.terms?.length ? opts.terms : [undefined];
    return terms.map((q) => ({ url: statementsApiUrl(base, { page: 1, limit: pageSize(opts), q }), kind: "pr-statements-page" }));
  },
  handle: handlePage,
};
