import type { FastifyInstance } from "fastify";
import { listSourceHealth } from "../../store/queries/schedule.js";
import { findSeenSpan, getAdTotals, listFilterOptions, listViolationsBy, listViolationsBySeverity, listViolationTimeline } from "../../store/queries/dashboard.js";
import { parseListQuery } from "../filters.js";
import { html } from "../html.js";
import { t } from "../i18n.js";
import { bucketUnit, timelineSvg } from "../views/chart.js";
import { fmtTime, layout, table } from "../views/layout.js";
import { exportLinks, filterForm, partyLink, publisherLink } from "../views/parts.js";
import { sendPage, viewCtx, type Deps } from "./deps.js";

/** An unscheduled source is stale after a week without success (scheduled ones after two intervals). */
const STALE_UNSCHEDULED_S = 7 * 86_400;

/** Registers the overview page. */
export function registerOverviewRoutes(app: FastifyInstance, d: Deps): void {
  app.get("/", async (req, reply) => {
    const q = parseListQuery(req.query);
    const ctx = viewCtx(req, "/", q);
    const db = d.store.db;
    const l = q.lang;
    const [totals, sev, byParty, byPublisher, sources, opts, span] = await Promise.all([
      getAdTotals(db, q.filter), listViolationsBySeverity(db, q.filter), listViolationsBy(db, q.filter, "party", 10),
      listViolationsBy(db, q.filter, "publisher", 10), listSourceHealth(db, new Date(), STALE_UNSCHEDULED_S), listFilterOptions(db), findSeenSpan(db, q.filter),
    ]);
    const parties = byParty.slice(0, 6).map((p) => p.key);
    const points = await listViolationTimeline(db, q.filter, { parties, unit: bucketUnit(span) });
    const card = (label: string, n: number, cls: string) => html`<div class="card ${cls}">${label}<b>${n}</b></div>`;
    const body = html`${filterForm(ctx, "/", opts)}
<div class="cards">${card(t(l, "adsSeen"), totals.ads, "ads-seen")}${card(t(l, "politicalAds"), totals.political, "political")}${card(t(l, "violations"), totals.violations, "violations")}</div>
<h2>${t(l, "bySeverity")}</h2>
${table([t(l, "severity"), t(l, "count")], sev.map((s) => [html`<span class="sev-${s.key}">${s.key}</span>`, s.n]), "by-severity")}
<h2>${t(l, "perParty")}</h2>
${table([t(l, "party"), t(l, "violations")], byParty.map((p) => [partyLink(ctx, p.key || null), p.n]), "by-party")}
<h2>${t(l, "perPublisher")}</h2>
${table([t(l, "publisher"), t(l, "violations")], byPublisher.map((p) => [publisherLink(ctx, p.key), p.n]), "by-publisher")}
<h2>${t(l, "overTime")}</h2>
${points.length > 0 ? timelineSvg(points, { parties, title: t(l, "overTime"), unknown: t(l, "unknownParty") }) : html`<p>${t(l, "noData")}</p>`}
<h2>${t(l, "sources")}</h2>
${table([t(l, "source"), t(l, "lastSuccess"), t(l, "lastRun"), t(l, "status"), t(l, "freshness")], sources.map((s) => [s.source, fmtTime(s.lastSuccessAt), fmtTime(s.lastRunAt), s.lastStatus ?? "", s.stale ? html`<span class="sev-high">${t(l, "stale")}</span>: ${s.reason}` : t(l, "fresh")]), "sources")}
${exportLinks(ctx, "ads")}`;
    return sendPage(reply, layout(ctx, t(l, "overview"), body));
  });
}
