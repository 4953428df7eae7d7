import { z } from "zod";
import type { DashboardFilter } from "../store/queries/dashboard-filter.js";
import type { Cursor } from "../store/queries/dashboard-lists.js";
import { parseLang, type Lang } from "./i18n.js";

const text = (max: number) => z.string().trim().max(max).optional().transform((s) => (s ? s : undefined));
const day = z.string().trim().optional().refine((s) => !s || /^\d{4}-\d{2}-\d{2}$/.test(s), { message: "expected YYYY-MM-DD" }).transform((s) => (s ? s : undefined));

/** Every list's query string: filters, page and language. Unknown parameters are ignored. */
export const listQuerySchema = z.object({
  from: day,
  to: day,
  source: text(128),
  publisher: text(512),
  party: text(256),
  rule: text(128),
  severity: z.enum(["", "critical", "high", "medium", "low", "info"]).optional().transform((s) => (s ? s : undefined)),
  review: z.enum(["", "open", "confirmed", "dismissed"]).optional().transform((s) => (s ? s : undefined)),
  q: text(200),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
  /** Keyset cursor of a "next" link: where the previous page ended (timestamp|ad id[|finding id]). */
  after: z.string().trim().max(100).optional().refine((s) => !s || CURSOR.test(s), { message: "expected a cursor from a next link" }),
  lang: z.string().optional(),
});

const CURSOR = /^(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)?)\|(\d{1,18})(?:\|(\d{1,18}))?$/;

/** A parsed list query. `after` is set when the page was reached through a keyset "next" link. */
export interface ListQuery { filter: DashboardFilter; page: number; after?: Cursor | undefined; lang: Lang; raw: Record<string, string> }

/** Parses a cursor written by cursorParam. */
function parseCursor(s: string | undefined): Cursor | undefined {
  const m = s ? CURSOR.exec(s) : null;
  return m ? { ts: m[1]!, adId: Number(m[2]), findingId: m[3] ? Number(m[3]) : undefined } : undefined;
}

/** A cursor as a query parameter value. */
export function cursorParam(c: Cursor): string {
  return [c.ts, c.adId, ...(c.findingId === undefined ? [] : [c.findingId])].join("|");
}

const KEYS = ["from", "to", "source", "publisher", "party", "rule", "severity", "review", "q"] as const;

/** Thrown for a query string that fails validation; the server answers 400 with the field named. */
export class BadQueryError extends Error {}

/** Parses and validates a list query string; the period's `to` day is inclusive. */
export function parseListQuery(query: unknown): ListQuery {
  const r = listQuerySchema.safeParse(query ?? {});
  if (!r.success) {
    const i = r.error.issues[0];
    throw new BadQueryError(`query parameter ${String(i?.path[0] ?? "?")}: ${i?.message ?? "invalid"}`);
  }
  const d = r.data;
  const filter: DashboardFilter = {
    from: d.from ? new Date(`${d.from}T00:00:00Z`) : undefined,
    to: d.to ? new Date(Date.parse(`${d.to}T00:00:00Z`) + 86_400_000) : undefined,
    source: d.source, publisher: d.publisher, party: d.party, rule: d.rule, severity: d.severity, review: d.review, q: d.q,
  };
  const raw: Record<string, string> = {};
  for (const k of KEYS) {
    const v = d[k];
    if (v) raw[k] = v;
  }
  const lang = parseLang(d.lang);
  if (lang === "en") raw.lang = "en";
  return { filter, page: d.page, after: parseCursor(d.after), lang, raw };
}

/** Builds a same-origin URL with the current filters plus overrides (undefined removes a key). */
export function withQuery(path: string, raw: Record<string, string>, over: Record<string, string | number | undefined> = {}): string {
  const p = new URLSearchParams();
  const merged: Record<string, string | number | undefined> = { ...raw, ...over };
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

/** Page size of every HTML list and API page. */
export const PAGE_SIZE = 50;
