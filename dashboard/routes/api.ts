import type { FastifyInstance } from "fastify";
import { getAdTotals, listSourceStatus, listViolationsBy, listViolationsBySeverity } from "../../store/queries/dashboard.js";
import { findAdDetail, listAdFindings, listAdSightings, listNoticeHistory } from "../../store/queries/dashboard-ad.js";
import { EXPORT_LISTS, exportRows } from "../export-rows.js";
import { PAGE_SIZE, parseListQuery } from "../filters.js";
import { openApiDocument } from "../openapi.js";
import { listRuleInfo } from "../rules.js";
import { parseId, type Deps } from "./deps.js";

/** Registers the read-only JSON API under /api/ (same filters as the pages) and its OpenAPI document. */
export function registerApiRoutes(app: FastifyInstance, d: Deps): void {
  app.get("/api/openapi.json", async () => openApiDocument());
  app.get("/api/overview", async (req) => {
    const q = parseListQuery(req.query);
    const db = d.store.db;
    const [totals, bySeverity, byParty, byPublisher, sources] = await Promise.all([
      getAdTotals(db, q.filter), listViolationsBySeverity(db, q.filter), listViolationsBy(db, q.filter, "party", 50),
      listViolationsBy(db, q.filter, "publisher", 50), listSourceStatus(db),
    ]);
    return { totals, bySeverity, byParty, byPublisher, sources };
  });
  app.get("/api/rule-info", async () => ({ rules: listRuleInfo() }));
  for (const list of EXPORT_LISTS) {
    app.get(`/api/${list}`, async (req) => {
      const q = parseListQuery(req.query);
      const paged = list === "ads" || list === "findings";
      const rows = await exportRows(d.store.db, list, q.filter, paged ? { limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE } : undefined);
      return { list, page: paged ? q.page : 1, pageSize: paged ? PAGE_SIZE : rows.length, filter: q.raw, rows };
    });
  }
  app.get<{ Params: { id: string } }>("/api/ads/:id", async (req, reply) => {
    const id = parseId(req.params.id);
    const ad = id === undefined ? undefined : await findAdDetail(d.store.db, id);
    if (!ad) return reply.code(404).send({ error: "no such ad" });
    const [findings, sightings, notices] = await Promise.all([
      listAdFindings(d.store.db, ad.id), listAdSightings(d.store.db, ad.id), listNoticeHistory(d.store.db, { url: ad.noticeUrl, noticeId: ad.noticeId }),
    ]);
    return { ad, findings, sightings, notices };
  });
}
