import type { FastifyReply, FastifyRequest } from "fastify";
import type { Store } from "../../store/db.js";
import type { SafeHtml } from "../html.js";
import type { ListQuery } from "../filters.js";
import type { ViewCtx } from "../views/layout.js";

/** What every route module gets from the server. */
export interface Deps { store: Store; now: () => Date; authEnabled: boolean }

/** The view context of a request for a parsed list query. */
export function viewCtx(req: FastifyRequest, path: string, q: Pick<ListQuery, "lang" | "raw">): ViewCtx {
  return { lang: q.lang, path, raw: q.raw, user: req.user };
}

/** Sends a rendered page. */
export function sendPage(reply: FastifyReply, page: SafeHtml): FastifyReply {
  return reply.type("text/html; charset=utf-8").send(page.value);
}

/** Parses a positive integer id from a route parameter, or undefined. */
export function parseId(v: unknown): number | undefined {
  if (typeof v !== "string" || !/^\d{1,15}$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 ? n : undefined;
}
