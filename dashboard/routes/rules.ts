import type { FastifyInstance } from "fastify";
import { listFilterOptions } from "../../store/queries/dashboard.js";
import { listRuleStats } from "../../store/queries/dashboard-groups.js";
import { listFindings } from "../../store/queries/dashboard-lists.js";
import { PAGE_SIZE, parseListQuery } from "../filters.js";
import { html } from "../html.js";
import { t } from "../i18n.js";
import { isSignalRule, listRuleInfo, ruleInfo } from "../rules.js";
import { layout, table } from "../views/layout.js";
import { exportLinks, filterForm, pager, ruleLink } from "../views/parts.js";
import { findingsTable } from "../views/sections.js";
import { sendPage, viewCtx, type Deps } from "./deps.js";

/** Registers the rule list and one page per rule (article, plain-language text, findings). */
export function registerRuleRoutes(app: FastifyInstance, d: Deps): void {
  app.get("/rules", async (req, reply) => {
    const q = parseListQuery(req.query);
    const ctx = viewCtx(req, "/rules", q);
    const l = q.lang;
    const [stats, opts] = await Promise.all([listRuleStats(d.store.db, q.filter), listFilterOptions(d.store.db)]);
    const byRule = new Map(stats.map((s) => [s.rule, s]));
    const ids = [...listRuleInfo().map((r) => r.id), ...stats.map((s) => s.rule).filter((r) => !listRuleInfo().some((i) => i.id === r))];
    const rows = ids.map((id) => {
      const info = ruleInfo(id);
      const s = byRule.get(id);
      return [ruleLink(ctx, id), info.article, info.title, info.severity, s?.violations ?? 0, s?.open ?? 0, s?.confirmed ?? 0, s?.dismissed ?? 0];
    });
    const body = html`${filterForm(ctx, "/rules", opts)}
${table([t(l, "rule"), t(l, "article"), t(l, "description"), t(l, "severity"), t(l, "violations"), t(l, "open"), t(l, "confirmed"), t(l, "dismissed")], rows, "rules")}
${exportLinks(ctx, "rules")}`;
    return sendPage(reply, layout(ctx, t(l, "rules"), body));
  });
  app.get<{ Params: { id: string } }>("/rules/:id", async (req, reply) => {
    const q = parseListQuery(req.query);
    const id = req.params.id.slice(0, 128);
    const ctx = viewCtx(req, `/rules/${encodeURIComponent(id)}`, q);
    const l = q.lang;
    const info = ruleInfo(id);
    const f = { ...q.filter, rule: id };
    const [findings, opts] = await Promise.all([listFindings(d.store.db, f, { limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE, after: q.after }), listFilterOptions(d.store.db)]);
    const body = html`<dl><dt>${t(l, "article")}</dt><dd class="article">${info.article}</dd><dt>${t(l, "rule")}</dt><dd>${info.title}</dd>
<dt>${t(l, "severity")}</dt><dd>${info.severity}</dd><dt>${t(l, "description")}</dt><dd class="description">${info.description}</dd></dl>
${isSignalRule(id) ? html`<p>${t(l, "signal")}</p>` : ""}
${filterForm(ctx, ctx.path, opts)}
${findingsTable(ctx, findings.rows)}${pager(ctx, ctx.path, { page: q.page, total: findings.total, capped: findings.capped, next: findings.next })}
${exportLinks({ ...ctx, raw: { ...ctx.raw, rule: id } }, "findings")}`;
    return sendPage(reply, layout(ctx, `${id}`, body));
  });
}
