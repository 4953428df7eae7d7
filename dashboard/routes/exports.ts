import { stringify } from "csv-stringify/sync";
import type { FastifyInstance } from "fastify";
import { buildBundle } from "../bundle.js";
import { csvSafe, EXPORT_COLUMNS, EXPORT_LISTS, exportRows } from "../export-rows.js";
import { parseListQuery } from "../filters.js";
import { parseId, type Deps } from "./deps.js";

/** Registers CSV and JSON exports of every list (same filters as the page) and the per-ad evidence bundle. */
export function registerExportRoutes(app: FastifyInstance, d: Deps): void {
  for (const list of EXPORT_LISTS) {
    app.get(`/export/${list}.csv`, async (req, reply) => {
      const q = parseListQuery(req.query);
      const rows = await exportRows(d.store.db, list, q.filter);
      const columns = EXPORT_COLUMNS[list];
      const body = stringify(rows.map((r) => columns.map((c) => csvSafe(r[c] ?? null))), { header: true, columns, cast: { boolean: (b) => (b ? "true" : "false") } });
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="polad-${list}.csv"`)
        .send(`\ufeff${body}`);
    });
    app.get(`/export/${list}.json`, async (req, reply) => {
      const q = parseListQuery(req.query);
      const rows = await exportRows(d.store.db, list, q.filter);
      return reply.header("content-disposition", `attachment; filename="polad-${list}.json"`).send({ list, filter: q.raw, generatedAt: d.now().toISOString(), count: rows.length, rows });
    });
  }
  app.get<{ Params: { id: string } }>("/ads/:id/bundle.zip", async (req, reply) => {
    const id = parseId(req.params.id);
    const stream = id === undefined ? undefined : await buildBundle(d.store, id, d.now());
    if (!stream) return reply.code(404).type("text/plain; charset=utf-8").send("no such ad");
    return reply.type("application/zip").header("content-disposition", `attachment; filename="polad-ad-${id}-evidence.zip"`).send(stream);
  });
}
