import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { REVIEW_STATUSES, reviewFinding } from "../../store/queries/dashboard-review.js";
import { requireReviewer } from "../auth.js";
import { parseId, type Deps } from "./deps.js";

const reviewBody = z.object({
  status: z.enum(REVIEW_STATUSES),
  note: z.string().max(2000).optional().transform((s) => (s && s.trim() ? s.trim() : null)),
  _csrf: z.string().optional(),
});

/**
 * Registers the review action: a reviewer confirms or dismisses a finding with a note; who and when
 * go into finding.reviewed_by / reviewed_at. CSRF-protected (token from the ad page's form).
 */
export function registerReviewRoutes(app: FastifyInstance, d: Deps): void {
  app.post<{ Params: { id: string }; Querystring: { lang?: string } }>("/findings/:id/review", { preHandler: app.csrfProtection }, async (req, reply) => {
    if (!requireReviewer(req, reply)) return reply;
    const id = parseId(req.params.id);
    const body = reviewBody.safeParse(req.body ?? {});
    if (id === undefined || !body.success) {
      const field = body.success ? "id" : String(body.error.issues[0]?.path[0] ?? "body");
      return reply.code(400).type("text/plain; charset=utf-8").send(`bad review request: ${field}`);
    }
    const adId = await reviewFinding(d.store.db, { findingId: id, status: body.data.status, note: body.data.note, by: req.user?.name ?? "unknown", at: d.now() });
    if (adId === undefined) return reply.code(404).type("text/plain; charset=utf-8").send("no such finding");
    req.log.info({ findingId: id, adId, status: body.data.status, by: req.user?.name }, "finding reviewed");
    return reply.redirect(`/ads/${adId}${req.query.lang === "en" ? "?lang=en" : ""}`, 303);
  });
}
