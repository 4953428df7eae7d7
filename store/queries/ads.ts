import { sql, type Kysely, type Transaction } from "kysely";
import type { AdInput } from "../../common/ad-input.js";
import type { Capture, FetchedNotice } from "../../common/capture.js";
import { sha256 } from "../../common/hash.js";
import { writeArtefact, type ArtefactRef } from "../artefacts.js";
import type { Database } from "../schema.js";
import { appendManifestEntries } from "./manifest.js";

type Tx = Transaction<Database> | Kysely<Database>;

const KNOWN = new Set(["id", "source", "publisher", "site_name", "sponsor", "text", "html", "label", "notice_url", "notice", "notice_status", "targeting", "first_seen", "last_seen", "country"]);

/** The hash that deduplicates creatives across sightings and sources: who says what. */
export function contentHash(ad: AdInput): string {
  const norm = (s: string | null | undefined) => (s ?? "").normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
  return sha256(`${norm(ad.sponsor)}\u0000${norm(ad.text)}\u0000${norm(ad.label)}`);
}

async function publisherId(tx: Tx, rawName: string, rawSiteName: string | null | undefined): Promise<number> {
  const name = dbText(rawName);
  const siteName = rawSiteName ? dbText(rawSiteName) : null;
  const row = await tx
    .insertInto("publisher")
    .values({ name, site_name: siteName })
    // The latest name a site gave itself wins; a sighting that found none keeps the one known.
    .onConflict((oc) => oc.column("name").doUpdateSet({ name, site_name: sql`coalesce(excluded.site_name, publisher.site_name)` }))
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Headers that carry the crawler's own session or credentials: never archived. */
const PRIVATE_HEADERS = new Set(["set-cookie", "cookie", "authorization", "proxy-authorization"]);

/** The hash a notice row is kept under: status and body as fetched. */
export function noticeHash(n: Pick<FetchedNotice, "status" | "body">): string {
  return sha256(`${n.status}\u0000${n.body}`);
}

/** Archives a fetched notice; the same body at the same URL is kept once, a changed one becomes a new row. */
export async function archiveNotice(tx: Tx, n: FetchedNotice): Promise<number> {
  const hash = noticeHash(n);
  const last = await tx.selectFrom("notice").select(["id", "sha256"]).where("url", "=", n.url).orderBy("fetched_at", "desc").orderBy("id", "desc").limit(1).executeTakeFirst();
  if (last && last.sha256 === hash) return Number(last.id);
  const row = await tx
    .insertInto("notice")
    .values({
      url: dbText(n.url), final_url: dbText(n.finalUrl), status: n.status, headers: dbJson(Object.fromEntries(Object.entries(n.headers).filter(([k]) => !PRIVATE_HEADERS.has(k.toLowerCase())))), content_type: dbText(n.contentType),
      body: dbText(n.body), redirects: JSON.stringify(n.redirects), sha256: hash, error: n.error, fetched_at: n.fetchedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Inserts or refreshes one ad (dedup on source + external id); first/last seen widen, never shrink. */
export async function upsertAd(tx: Tx, ad: AdInput, noticeId: number | null, seenAt: string): Promise<number> {
  const values = adValues(ad, await publisherId(tx, ad.publisher, ad.site_name), noticeId, seenAt);
  const row = await tx
    .insertInto("ad")
    .values(values)
    .onConflict((oc) =>
      oc.columns(["source", "external_id"]).doUpdateSet({
        ...values,
        notice_id: sql`coalesce(excluded.notice_id, ad.notice_id)`,
        // New content, new creative: grouped again after the next classification.
        creative_id: sql`case when ad.content_hash = excluded.content_hash then ad.creative_id end`,
        first_seen_at: sql`least(ad.first_seen_at, excluded.first_seen_at)`,
        last_seen_at: sql`greatest(ad.last_seen_at, excluded.last_seen_at)`,
      }),
    )
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Postgres text cannot hold NUL: scraped strings get U+FFFD in the row (the evidence file keeps the bytes). */
function dbText<T extends string | null>(v: T): T {
  return (v === null ? v : v.replaceAll("\u0000", "\ufffd")) as T;
}

/** JSON for a jsonb column, with NUL characters (escaped as \\u0000 in JSON) replaced the same way. */
function dbJson(v: unknown): string {
  return JSON.stringify(v).replaceAll("\\u0000", "\\ufffd");
}

/** Most rows and most bytes of text per import statement: large batches, bounded memory. */
export const IMPORT_BATCH = 5000;
const IMPORT_BATCH_BYTES = 16 * 1024 * 1024;

function adValues(ad: AdInput, publisherId: number, noticeId: number | null, seenAt: string) {
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ad)) if (!KNOWN.has(k)) extra[k] = v;
  return {
    source: dbText(ad.source), external_id: dbText(ad.id), publisher_id: publisherId, sponsor: dbText(ad.sponsor ?? null), text: dbText(ad.text ?? null),
    html: dbText(ad.html ?? null), label: dbText(ad.label ?? null), notice_url: dbText(ad.notice_url ?? null), notice_id: noticeId,
    notice_inline: ad.notice === undefined || ad.notice === null ? null : dbJson(ad.notice),
    notice_status: ad.notice_status ?? null, targeting: ad.targeting ? dbJson(ad.targeting) : null,
    extra: dbJson(extra), country: ad.country, content_hash: contentHash(ad), first_seen_at: ad.first_seen ?? seenAt, last_seen_at: ad.last_seen ?? seenAt,
  };
}

/** A Postgres array literal of text elements (NULL for null), sent as one parameter and cast in SQL. */
function pgArray(values: Array<string | number | null>): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ",";
    out += v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : `"${v.replace(/[\\"]/g, "\\$&")}"`;
  }
  return out + "}";
}

/** One batch ready to send: every column but publisher_id as an array literal, built before the previous batch is done. */
interface PreparedBatch { rows: number; publishers: string[]; siteNames: Map<string, string>; columns: string[] }

function prepareBatch(batch: AdInput[], seenAt: string): PreparedBatch {
  // A later line with the same source and id replaces an earlier one (upsert semantics), also within a batch.
  const unique = [...new Map(batch.map((a) => [`${a.source}\u0000${a.id}`, a])).values()];
  const cols: Array<Array<string | number | null>> = Array.from({ length: 15 }, () => []);
  for (const ad of unique) {
    const v = adValues(ad, 0, null, seenAt);
    const row = [v.source, v.external_id, v.sponsor, v.text, v.html, v.label, v.notice_url, v.notice_inline, v.notice_status, v.targeting, v.extra, v.country, v.content_hash, v.first_seen_at, v.last_seen_at];
    for (let c = 0; c < row.length; c++) cols[c]!.push(row[c]!);
  }
  const siteNames = new Map(unique.flatMap((a) => (a.site_name ? [[dbText(a.publisher), dbText(a.site_name)] as [string, string]] : [])));
  return { rows: batch.length, publishers: unique.map((a) => dbText(a.publisher)), siteNames, columns: cols.map(pgArray) };
}

/** Publisher ids by name, creating the missing ones; `known` caches them for the rest of the import. */
async function resolvePublishers(tx: Tx, names: string[], siteNames: Map<string, string>, known: Map<string, number>): Promise<number[]> {
  const missing = [...new Set(names.filter((n) => !known.has(n)))];
  if (missing.length) {
    // Updated only where a site name is given and differs: updating the same rows in every batch of one
    // transaction grows their version chains, and a publisher is resolved once per import.
    const site = missing.map((n) => siteNames.get(n) ?? null);
    await sql`insert into publisher (name, site_name) select * from unnest(${missing}::text[], ${site}::text[])
      on conflict (name) do update set site_name = excluded.site_name
      where excluded.site_name is not null and publisher.site_name is distinct from excluded.site_name`.execute(tx);
    const { rows } = await sql<{ id: number; name: string }>`select id, name from publisher where name = any(${missing}::text[])`.execute(tx);
    for (const r of rows) known.set(r.name, Number(r.id));
  }
  return names.map((n) => known.get(n)!);
}

/**
 * Writes one batch with one statement (plus one for publishers not seen before in this import):
 * ads upserted from column arrays (unnest), and their import observation from what the upsert returned.
 * (COPY into a staging table, then the same upsert from it, took the same server time: measured, not used.)
 */
async function writeBatch(tx: Tx, b: PreparedBatch, known: Map<string, number>): Promise<void> {
  const publisher = pgArray(await resolvePublishers(tx, b.publishers, b.siteNames, known));
  const [source, externalId, sponsor, text, html, label, noticeUrl, noticeInline, noticeStatus, targeting, extra, country, hash, firstSeen, lastSeen] = b.columns;
  await sql`
    with a as (
      insert into ad (source, external_id, publisher_id, sponsor, text, html, label, notice_url, notice_inline, notice_status, targeting, extra, country, content_hash, first_seen_at, last_seen_at)
      select * from unnest(${source}::text[], ${externalId}::text[], ${publisher}::bigint[], ${sponsor}::text[], ${text}::text[], ${html}::text[], ${label}::text[], ${noticeUrl}::text[],
        ${noticeInline}::jsonb[], ${noticeStatus}::int[], ${targeting}::jsonb[], ${extra}::jsonb[], ${country}::text[], ${hash}::text[], ${firstSeen}::timestamptz[], ${lastSeen}::timestamptz[])
      on conflict (source, external_id) do update set
        publisher_id = excluded.publisher_id, sponsor = excluded.sponsor, text = excluded.text, html = excluded.html, label = excluded.label,
        notice_url = excluded.notice_url, notice_inline = excluded.notice_inline, notice_status = excluded.notice_status, targeting = excluded.targeting,
        extra = excluded.extra, country = excluded.country, content_hash = excluded.content_hash,
        creative_id = case when ad.content_hash = excluded.content_hash then ad.creative_id end,
        first_seen_at = least(ad.first_seen_at, excluded.first_seen_at), last_seen_at = greatest(ad.last_seen_at, excluded.last_seen_at)
      returning id, last_seen_at, xmax = 0 as fresh
    ),
    -- A new ad (xmax = 0: inserted, not updated) has no observation yet: a plain insert, ~20% less server time than all upserts.
    fresh as (insert into observation (ad_id, crawl_run_id, seen_at, page_url) select id, null, last_seen_at, '' from a where fresh)
    insert into observation (ad_id, crawl_run_id, seen_at, page_url)
    select id, null, last_seen_at, '' from a where not fresh
    on conflict (ad_id, crawl_run_id, page_url) do update set seen_at = greatest(observation.seen_at, excluded.seen_at)`.execute(tx);
}

/** Rough size of an ad's text in a batch, to bound a batch's memory when rows are large. */
function approxBytes(ad: AdInput): number {
  const notice = typeof ad.notice === "string" ? ad.notice.length : ad.notice ? 1024 : 0;
  return 256 + (ad.text?.length ?? 0) + (ad.html?.length ?? 0) + (ad.label?.length ?? 0) + notice;
}

/**
 * Streams validated ads into the store in one transaction, in large batches: a bad line anywhere
 * (the iterator throws) rolls back everything, and memory stays flat as input grows. Pipelined:
 * the next batch is parsed, validated and encoded while the database writes the previous one.
 */
export async function importAdStream(db: Kysely<Database>, ads: AsyncIterable<AdInput> | Iterable<AdInput>, o: { now: Date; onProgress?: (n: number) => void }): Promise<number> {
  const seenAt = o.now.toISOString();
  return db.transaction().execute(async (tx) => {
    let batch: AdInput[] = [];
    let bytes = 0;
    let inFlight: Promise<void> = Promise.resolve();
    const publishers = new Map<string, number>();
    let n = 0;
    const flush = async (rows: AdInput[]) => {
      const prepared = prepareBatch(rows, seenAt);
      await inFlight;
      inFlight = writeBatch(tx, prepared, publishers).then(() => {
        n += prepared.rows;
        o.onProgress?.(n);
      });
      inFlight.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile
    };
    try {
      for await (const ad of ads) {
        batch.push(ad);
        bytes += approxBytes(ad);
        if (batch.length >= IMPORT_BATCH || bytes >= IMPORT_BATCH_BYTES) {
          await flush(batch);
          batch = [];
          bytes = 0;
        }
      }
      if (batch.length) await flush(batch);
    } finally {
      await inFlight.catch(() => undefined);
    }
    await inFlight;
    return n;
  });
}

/** Imports a list of validated ads in one transaction (all or nothing). */
export async function importAds(db: Kysely<Database>, ads: AdInput[], now: Date): Promise<void> {
  await importAdStream(db, ads, { now });
}

/** What saveCapture wrote, for progress and tests. */
export interface SavedCapture { adId: number; observationNew: boolean; artefacts: ArtefactRef[] }

/**
 * Stores one crawler capture atomically: evidence files first (content-addressed, idempotent), then
 * notice, ad, artefact rows, observation and manifest entries in one transaction. A repeated
 * capture of the same ad on the same page in the same run is stored once.
 */
export async function saveCapture(db: Kysely<Database>, evidenceDir: string, runId: number, cap: Capture, crawlerVersion: string): Promise<SavedCapture> {
  return (await saveCaptures(db, evidenceDir, runId, [cap], crawlerVersion))[0]!;
}

/**
 * Stores the captures of one page together, as saveCapture does each, in one transaction: all or
 * none, with one commit (on a server, one WAL flush) for the page instead of one per ad.
 */
export async function saveCaptures(db: Kysely<Database>, evidenceDir: string, runId: number, caps: Capture[], crawlerVersion: string): Promise<SavedCapture[]> {
  if (caps.length === 0) return [];
  // Files first (content-addressed, idempotent), all of the page's at once: a file without its row
  // is harmless and rewritten by the repeat, a row without its file cannot happen.
  const write = (kind: string, data: string | Buffer | null | undefined) => (data === null || data === undefined ? Promise.resolve(null) : writeArtefact(evidenceDir, kind, data));
  const files = await Promise.all(caps.map(async (cap) => {
    const s = cap.sighting;
    const [shot, pageShot, html, noticeFile] = await Promise.all([write("screenshot", s.screenshotPng || null), write("page-screenshot", s.pageScreenshotPng || null), write("html", s.html || null), write("notice", cap.notice ? cap.notice.body : null)]);
    return { shot, pageShot, html, artefacts: [shot, pageShot, html, noticeFile].filter((a): a is ArtefactRef => a !== null) };
  }));
  return db.transaction().execute(async (tx) => {
    await tx.selectFrom("crawl_run").select("id").where("id", "=", runId).forUpdate().executeTakeFirstOrThrow();
    const out: SavedCapture[] = [];
    for (let i = 0; i < caps.length; i++) out.push(await saveOne(tx, runId, caps[i]!, files[i]!, crawlerVersion));
    return out;
  });
}

async function saveOne(tx: Transaction<Database>, runId: number, cap: Capture, f: { shot: ArtefactRef | null; pageShot: ArtefactRef | null; html: ArtefactRef | null; artefacts: ArtefactRef[] }, crawlerVersion: string): Promise<SavedCapture> {
  const s = cap.sighting;
  const { shot, pageShot, html, artefacts } = f;
  const noticeId = cap.notice ? await archiveNotice(tx, cap.notice) : null;
  const adId = await upsertAd(tx, cap.ad, noticeId, s.seenAt);
  if (artefacts.length > 0) {
    await tx.insertInto("artefact").values(artefacts.map((a) => ({ sha256: a.sha256, kind: a.kind, bytes: a.bytes, path: a.path }))).onConflict((oc) => oc.column("sha256").doNothing()).execute();
  }
  const obs = await tx
    .insertInto("observation")
    .values({
      ad_id: adId, crawl_run_id: runId, seen_at: s.seenAt, page_url: s.pageUrl, frame_chain: JSON.stringify(s.frameChain),
      viewport: s.viewport ? JSON.stringify(s.viewport) : null, user_agent: s.userAgent, crawler_version: crawlerVersion,
      screenshot_sha256: shot?.sha256 ?? null, html_sha256: html?.sha256 ?? null, ...(pageShot ? { page_screenshot_sha256: pageShot.sha256 } : {}),
      label_styles: JSON.stringify(s.labelStyles), links: JSON.stringify(s.links),
    })
    .onConflict((oc) => oc.columns(["ad_id", "crawl_run_id", "page_url"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (obs) {
    await appendManifestEntries(tx, runId, artefacts.map((a) => ({ kind: a.kind, ref: `observation:${obs.id}`, sha256: a.sha256 })));
  }
  return { adId, observationNew: obs !== undefined, artefacts };
}
