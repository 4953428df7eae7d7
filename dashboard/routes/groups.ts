import type { FastifyInstance } from "fastify";
import { listFilterOptions } from "../../store/queries/dashboard.js";
import { listPlatformEnforcement } from "../../store/queries/dashboard-enforcement.js";
import { listGroupStats, listRuleStats } from "../../store/queries/dashboard-groups.js";
import { listAds, listFindings } from "../../store/queries/dashboard-lists.js";
import { PAGE_SIZE, parseListQuery, type ListQuery } from "../filters.js";
import { html, type SafeHtml } from "../html.js";
import { t } from "../i18n.js";
import { bansFor, PLATFORM_BANS } from "../platform-bans.js";
import { layout, type ViewCtx } from "../views/layout.js";
import { exportLinks, filterForm, pager } from "../views/parts.js";
import { adsTable, enforcementTable, findingsTable, groupTable, ruleTable } from "../views/sections.js";
import { sendPage, viewCtx, type Deps } from "./deps.js";

async function detailBody(d: Deps, ctx: ViewCtx, q: ListQuery, by: "party" | "publisher", key: string): Promise<{ body: SafeHtml; siteName: string | null }> {
  const db = d.store.db;
  const l = ctx.lang;
  const f = { ...q.filter, [by]: key };
  const slice = { limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE, after: q.after };
  const bans = by === "publisher" ? bansFor(key) : PLATFORM_BANS;
  const [stats, rules, enforcement, ads, findings] = await Promise.all([
    listGroupStats(db, f, by), listRuleStats(db, f), listPlatformEnforcement(db, bans, f), listAds(db, f, slice), listFindings(db, f, { limit: PAGE_SIZE, offset: 0 }),
  ]);
  const enforcementTitle = by === "party" ? t(l, "bannedPlatforms") : t(l, "enforcement");
  const body = html`${groupTable(ctx, stats, by)}
<h2>${t(l, "violations")} · ${t(l, "rules")}</h2>${ruleTable(ctx, rules)}
${bans.length > 0 ? html`<h2>${enforcementTitle}</h2>${enforcementTable(ctx, enforcement)}` : ""}
<h2>${t(l, "ads")}</h2>${adsTable(ctx, ads.rows)}${pager(ctx, ctx.path, { page: q.page, total: ads.total, capped: ads.capped, next: ads.next })}
<h2>${t(l, "findings")}</h2>${findingsTable(ctx, findings.rows)}
${exportLinks({ ...ctx, raw: { ...ctx.raw, [by]: key } }, "findings")}`;
  return { body, siteName: stats.find((s) => s.key === key)?.siteName ?? null };
}

/** Registers the party and publisher lists, their detail pages, and the platform-enforcement view. */
export function registerGroupRoutes(app: FastifyInstance, d: Deps): void {
  for (const by of ["party", "publisher"] as const) {
    const base = by === "party" ? "/parties" : "/publishers";
    app.get(base, async (req, reply) => {
      const q = parseListQuery(req.query);
      const ctx = viewCtx(req, base, q);
      const [rows, opts] = await Promise.all([listGroupStats(d.store.db, q.filter, by), listFilterOptions(d.store.db)]);
      const body = html`${filterForm(ctx, base, opts)}${groupTable(ctx, rows, by)}${exportLinks(ctx, by === "party" ? "parties" : "publishers")}`;
      return sendPage(reply, layout(ctx, t(q.lang, by === "party" ? "parties" : "publishers"), body));
    });
    app.get<{ Params: { key: string } }>(`${base}/:key`, async (req, reply) => {
      const q = parseListQuery(req.query);
      const key = req.params.key.slice(0, 512);
      const ctx = viewCtx(req, `${base}/${encodeURIComponent(key)}`, q);
      const { body, siteName } = await detailBody(d, ctx, q, by, key);
      return sendPage(reply, layout(ctx, `${t(q.lang, by)}: ${siteName && siteName !== key ? `${siteName} (${key})` : key}`, body));
    });
  }
  app.get("/enforcement", async (req, reply) => {
    const q = parseListQuery(req.query);
    const ctx = viewCtx(req, "/enforcement", q);
    const rows = await listPlatformEnforcement(d.store.db, PLATFORM_BANS, q.filter);
    const bans = html`<ul>${PLATFORM_BANS.map((b) => html`<li>${b.platform}: ${t(q.lang, "banSince")} ${b.since.toISOString().slice(0, 10)}</li>`)}</ul>`;
    const body = html`${bans}${enforcementTable(ctx, rows)}<p>${t(q.lang, "signal")}</p>${exportLinks(ctx, "enforcement")}`;
    return sendPage(reply, layout(ctx, t(q.lang, "enforcement"), body));
  });
}
