import { Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type { FastifyInstance } from "fastify";
import { buildBundle } from "../bundle.js";
import { csvSafe, EXPORT_COLUMNS, EXPORT_LISTS, exportBatches, exportRows, type Cell, type ExportList } from "../export-rows.js";
import type { DashboardFilter } from "../../store/queries/dashboard-filter.js";
import { parseListQuery } from "../filters.js";
import { parseId, type Deps } from "./deps.js";

const csvOptions = { cast: { boolean: (b: boolean) => (b ? "true" : "false") } };

type Batches = AsyncGenerator<Array<Record<string, Cell>>>;

/** The CSV text of an export, one keyset batch at a time, so a 100,000-row export never sits in memory whole. */
async function* csvChunks(list: ExportList, first: IteratorResult<Array<Record<string, Cell>>>, rest: Batches): AsyncGenerator<string> {
  const columns = EXPORT_COLUMNS[list];
  const csv = (rows: Array<Record<string, Cell>>) => stringify(rows.map((r) => columns.map((c): Cell => csvSafe(r[c] ?? null))), csvOptions);
  yield `\ufeff${stringify([], { header: true, columns })}`;
  if (first.done) return;
  yield csv(first.value);
  for await (const rows of rest) yield csv(rows);
}

/** Starts an export and reads its first batch, so a failing query still gets an error status rather than a cut-off 200. */
async function startCsv(d: Deps, list: ExportList, f: DashboardFilter): Promise<Readable> {
  const batches = exportBatches(d.store.db, list, f);
  const first = await batches.next();
  return Readable.from(csvChunks(list, first, batches));
}

/** Registers CSV and JSON exports of every list (same filters as the page) and the per-ad evidence bundle. */
export function registerExportRoutes(app: FastifyInstance, d: Deps): void {
  for (const list of EXPORT_LISTS) {
    app.get(`/export/${list}.csv`, async (req, reply) => {
      const q = parseListQuery(req.query);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="polad-${list}.csv"`)
        .send(await startCsv(d, list, q.filter));
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
