import type { FastifyInstance } from "fastify";
import { readArtefact } from "../../store/artefacts.js";
import { listCreativeSiblings } from "../../store/queries/creatives.js";
import { listNoticeProbes } from "../../store/queries/notice-probes.js";
import { listFilterOptions } from "../../store/queries/dashboard.js";
import { findAdDetail, findArtefact, listAdFindings, listAdSightings, listNoticeHistory } from "../../store/queries/dashboard-ad.js";
import { listAds, listFindings } from "../../store/queries/dashboard-lists.js";
import { canReview } from "../auth.js";
import { checkEvidenceFile, noticeHash, type FileCheck } from "../evidence.js";
import { PAGE_SIZE, parseListQuery } from "../filters.js";
import { html } from "../html.js";
import { t } from "../i18n.js";
import { CAPTURE_CSP } from "../security.js";
import { adPageBody } from "../views/ad-page.js";
import { errorPage, layout } from "../views/layout.js";
import { exportLinks, filterForm, pager } from "../views/parts.js";
import { adsTable, findingsTable } from "../views/sections.js";
import { parseId, sendPage, viewCtx, type Deps } from "./deps.js";

function registerLists(app: FastifyInstance, d: Deps): void {
  for (const list of ["ads", "findings"] as const) {
    app.get(`/${list}`, async (req, reply) => {
      const q = parseListQuery(req.query);
      const ctx = viewCtx(req, `/${list}`, q);
      const slice = { limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE, after: q.after };
      // The filter form's values and the list are independent: one round trip's wait, not two.
      const listed = list === "ads"
        ? listAds(d.store.db, q.filter, slice).then((page) => ({ page, tableHtml: adsTable(ctx, page.rows) }))
        : listFindings(d.store.db, q.filter, slice).then((page) => ({ page, tableHtml: findingsTable(ctx, page.rows) }));
      const [opts, { page, tableHtml }] = await Promise.all([listFilterOptions(d.store.db), listed]);
      const body = html`${filterForm(ctx, `/${list}`, opts)}${tableHtml}${pager(ctx, `/${list}`, { page: q.page, total: page.total, capped: page.capped, next: page.next })}${exportLinks(ctx, list)}`;
      return sendPage(reply, layout(ctx, t(q.lang, list), body));
    });
  }
}

function registerAdPage(app: FastifyInstance, d: Deps): void {
  app.get<{ Params: { id: string } }>("/ads/:id", async (req, reply) => {
    const q = parseListQuery(req.query);
    const id = parseId(req.params.id);
    const ctx = viewCtx(req, `/ads/${id ?? 0}`, { lang: q.lang, raw: q.lang === "en" ? { lang: "en" } : {} });
    const ad = id === undefined ? undefined : await findAdDetail(d.store.db, id);
    if (!ad) return sendPage(reply.code(404), errorPage(ctx, "404", t(q.lang, "notFound")));
    const [findings, notices, sightings, probes, siblings] = await Promise.all([
      listAdFindings(d.store.db, ad.id), listNoticeHistory(d.store.db, { url: ad.noticeUrl, noticeId: ad.noticeId }), listAdSightings(d.store.db, ad.id),
      ad.noticeUrl ? listNoticeProbes(d.store.db, ad.noticeUrl) : Promise.resolve([]), listCreativeSiblings(d.store.db, ad.id),
    ]);
    const checks = new Map<string, FileCheck>();
    for (const s of sightings) for (const f of [s.screenshot, s.pageScreenshot, s.html]) if (f && !checks.has(f.sha256)) checks.set(f.sha256, checkEvidenceFile(d.store.evidenceDir, f));
    const noticeChecks = new Map(notices.map((n) => [n.id, noticeHash(n) === n.sha256]));
    const csrf = canReview(req.user) ? reply.generateCsrf() : null;
    const data = { ad, findings, notices, sightings, probes, siblings, checks, noticeChecks, csrf };
    return sendPage(reply, layout(ctx, `${t(q.lang, "ad")} #${ad.id}`, adPageBody(ctx, data)));
  });
}

/**
 * Serves one evidence file by its hash. The hash is looked up in the artefact table and the file is
 * read through readArtefact, so no URL can name a path, and nothing outside the evidence dir is served.
 * Captured HTML is served under a sandboxing CSP, for display in an `<iframe sandbox>` only.
 */
function registerEvidence(app: FastifyInstance, d: Deps): void {
  app.get<{ Params: { sha: string } }>("/evidence/:sha", async (req, reply) => {
    if (!/^[0-9a-f]{64}$/.test(req.params.sha)) return reply.code(404).type("text/plain; charset=utf-8").send("not found");
    const file = await findArtefact(d.store.db, req.params.sha);
    if (!file) return reply.code(404).type("text/plain; charset=utf-8").send("not found");
    let bytes: Buffer;
    try {
      bytes = readArtefact(d.store.evidenceDir, file.path);
    } catch (err) {
      req.log.warn({ err, sha256: file.sha256 }, "evidence file refused or unreadable");
      return reply.code(404).type("text/plain; charset=utf-8").send("not found");
    }
    reply.header("cache-control", "private, max-age=86400, immutable");
    if (file.kind === "screenshot" || file.kind === "page-screenshot") return reply.type("image/png").send(bytes);
    if (file.kind === "html") {
      return reply.header("content-security-policy", CAPTURE_CSP).header("x-frame-options", "SAMEORIGIN").type("text/html; charset=utf-8").send(bytes);
    }
    return reply.header("content-security-policy", CAPTURE_CSP).type("text/plain; charset=utf-8").send(bytes);
  });
}

/** Registers the ads and findings lists, the ad page, and the evidence file route. */
export function registerAdRoutes(app: FastifyInstance, d: Deps): void {
  registerLists(app, d);
  registerAdPage(app, d);
  registerEvidence(app, d);
}
