import { sql, type Kysely } from "kysely";
import type { FetchedNotice } from "../../common/capture.js";
import { writeArtefact } from "../artefacts.js";
import type { Database, NoticeProbeTable } from "../schema.js";
import { archiveNotice, noticeHash } from "./ads.js";
import { appendManifest, lockRunChain } from "./manifest.js";

/** How a re-probe compares with what was on record for the same URL. */
export type ProbeOutcome = NoticeProbeTable["outcome"];

/** One re-probe of a notice URL, as listed for status and the dashboard. */
export interface NoticeProbe { url: string; probedAt: Date; status: number; outcome: ProbeOutcome; noticeId: number; runId: number | null }

const reachable = (status: number, error: string | null) => status >= 200 && status < 300 && error === null;

/**
 * Records one re-probe of a transparency notice: the fetch is archived as a notice row (a changed body
 * becomes a new row, an identical one reuses the last), its body kept as an evidence file, a probe row
 * says whether it was unchanged, changed, gone or back, and the run's hash chain gets an entry.
 * Everything in one transaction under the run's chain lock, like a capture; recording the same fetch
 * again (same URL, time and content, in the same run) records nothing and returns its outcome.
 */
export async function recordNoticeProbe(db: Kysely<Database>, evidenceDir: string, runId: number, n: FetchedNotice): Promise<ProbeOutcome> {
  const file = await writeArtefact(evidenceDir, "notice", n.body);
  return db.transaction().execute(async (tx) => {
    await lockRunChain(tx, runId);
    // The same fetch recorded again (a repeat after a commit whose answer was lost with the
    // connection): the probe on record is this one, and its outcome stands.
    const recorded = await tx.selectFrom("notice_probe").select("outcome")
      .where("url", "=", n.url).where("probed_at", "=", new Date(n.fetchedAt)).where("crawl_run_id", "=", runId).where("sha256", "=", noticeHash(n))
      .executeTakeFirst();
    if (recorded) return recorded.outcome;
    const before = await tx.selectFrom("notice").select(["id", "sha256", "status", "error"]).where("url", "=", n.url).orderBy("fetched_at", "desc").orderBy("id", "desc").limit(1).executeTakeFirst();
    const noticeId = await archiveNotice(tx, n);
    // archiveNotice keeps this fetch as it is or reuses the identical last row: either way it is this fetch.
    const now = { sha256: noticeHash(n), status: n.status };
    const ok = reachable(n.status, n.error);
    const outcome: ProbeOutcome = !before ? "first"
      : reachable(before.status, before.error) && !ok ? "gone"
        : !reachable(before.status, before.error) && ok ? "back"
          : before.sha256 === now.sha256 ? "unchanged" : "changed";
    await tx.insertInto("artefact").values({ sha256: file.sha256, kind: file.kind, bytes: file.bytes, path: file.path }).onConflict((oc) => oc.column("sha256").doNothing()).execute();
    const probe = await tx
      .insertInto("notice_probe")
      .values({ crawl_run_id: runId, url: n.url, notice_id: noticeId, probed_at: n.fetchedAt, status: n.status, sha256: now.sha256, outcome })
      .returning("id")
      .executeTakeFirstOrThrow();
    await appendManifest(tx, { runId, kind: "notice", ref: `notice-probe:${probe.id}`, sha256: file.sha256 });
    return outcome;
  });
}

/**
 * Notice URLs (http and https only) whose last fetch or probe is older than `before`, the longest
 * unvisited first. Notices are kept for seven years (Art. 12), so every archived URL stays on the list.
 */
export async function listNoticeUrlsDue(db: Kysely<Database>, before: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom(
      db.selectFrom("notice").select(["url", "fetched_at as t"])
        .unionAll(db.selectFrom("notice_probe").select(["url", "probed_at as t"]))
        .as("x"),
    )
    .select(["x.url", sql<Date>`max(x.t)`.as("last")])
    .where((eb) => eb.or([eb("x.url", "like", "http://%"), eb("x.url", "like", "https://%")]))
    .groupBy("x.url")
    .having(sql<Date>`max(x.t)`, "<", before)
    .orderBy("last")
    .orderBy("x.url")
    .limit(limit)
    .execute();
  return rows.map((r) => r.url);
}

/** The re-probes of one URL, oldest first. */
export async function listNoticeProbes(db: Kysely<Database>, url: string): Promise<NoticeProbe[]> {
  const rows = await db.selectFrom("notice_probe").selectAll().where("url", "=", url).orderBy("probed_at").orderBy("id").execute();
  return rows.map((r) => ({ url: r.url, probedAt: new Date(r.probed_at), status: r.status, outcome: r.outcome, noticeId: Number(r.notice_id), runId: r.crawl_run_id === null ? null : Number(r.crawl_run_id) }));
}

/** Counts of the latest probe outcome per URL: how many notices are now gone, changed, back or unchanged. */
export async function noticeProbeSummary(db: Kysely<Database>): Promise<Record<ProbeOutcome, number>> {
  const rows = await db
    .selectFrom("notice_probe as p")
    .select(["p.outcome", sql<number>`count(*)::int`.as("n")])
    .where("p.id", "=", (eb) => eb.selectFrom("notice_probe as q").select(sql<string>`max(q.id)`.as("m")).whereRef("q.url", "=", "p.url"))
    .groupBy("p.outcome")
    .execute();
  const out: Record<ProbeOutcome, number> = { first: 0, unchanged: 0, changed: 0, gone: 0, back: 0 };
  for (const r of rows) out[r.outcome] = Number(r.n);
  return out;
}
