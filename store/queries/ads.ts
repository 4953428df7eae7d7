import { sql, type Kysely, type Transaction } from "kysely";
import type { AdInput } from "../../common/ad-input.js";
import type { Capture, FetchedNotice } from "../../common/capture.js";
import { sha256 } from "../../common/hash.js";
import { writeArtefact, type ArtefactRef } from "../artefacts.js";
import type { Database } from "../schema.js";
import { GENESIS, insertManifestEntries, lockRunChain } from "./manifest.js";

type Tx = Transaction<Database> | Kysely<Database>;

const KNOWN = new Set(["id", "source", "publisher", "site_name", "sponsor", "text", "html", "label", "notice_url", "notice", "notice_status", "targeting", "first_seen", "last_seen", "country"]);

/** The hash that deduplicates creatives across sightings and sources: who says what. */
export function contentHash(ad: AdInput): string {
  const norm = (s: string | null | undefined) => (s ?? "").normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
  return sha256(`${norm(ad.sponsor)}\u0000${norm(ad.text)}\u0000${norm(ad.label)}`);
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

type AdRow = ReturnType<typeof adValues>;

/** The ad columns an upsert writes, with the SQL type of each (rows are sent as one array per column). */
const AD_COLUMNS = {
  source: "text", external_id: "text", publisher_id: "bigint", sponsor: "text", text: "text", html: "text", label: "text", notice_url: "text", notice_id: "bigint",
  notice_inline: "jsonb", notice_status: "int", targeting: "jsonb", extra: "jsonb", country: "text", content_hash: "text", first_seen_at: "timestamptz", last_seen_at: "timestamptz",
} as const;
type AdColumn = keyof typeof AD_COLUMNS;
const AD_COLUMN_NAMES = Object.keys(AD_COLUMNS) as AdColumn[];

/** Each column of `rows` as one array literal. */
function adArrays(rows: AdRow[]): Record<AdColumn, string> {
  return Object.fromEntries(AD_COLUMN_NAMES.map((c) => [c, pgArray(rows.map((r) => r[c] as string | number | null))])) as Record<AdColumn, string>;
}

/**
 * Upserts ads from column arrays (unnest), deduplicated on source + external id: the import's batches
 * and a crawled page's ads alike. Rows must be unique on that key. First/last seen widen, never
 * shrink; a notice id, once known, is kept when a row brings none. The caller adds `returning`.
 */
function upsertAdsSql(arrays: Record<AdColumn, string>) {
  return sql`insert into ad (${sql.join(AD_COLUMN_NAMES.map((c) => sql.id(c)))})
    select * from unnest(${sql.join(AD_COLUMN_NAMES.map((c) => sql`${arrays[c]}::${sql.raw(AD_COLUMNS[c])}[]`))})
    on conflict (source, external_id) do update set
      publisher_id = excluded.publisher_id, sponsor = excluded.sponsor, text = excluded.text, html = excluded.html, label = excluded.label,
      notice_url = excluded.notice_url, notice_id = coalesce(excluded.notice_id, ad.notice_id), notice_inline = excluded.notice_inline, notice_status = excluded.notice_status,
      targeting = excluded.targeting, extra = excluded.extra, country = excluded.country, content_hash = excluded.content_hash,
      -- New content, new creative: grouped again after the next classification.
      creative_id = case when ad.content_hash = excluded.content_hash then ad.creative_id end,
      first_seen_at = least(ad.first_seen_at, excluded.first_seen_at), last_seen_at = greatest(ad.last_seen_at, excluded.last_seen_at)`;
}

/** One batch ready to send: every column as an array literal (publisher_id still to resolve), built before the previous batch is done. */
interface PreparedBatch { rows: number; publishers: string[]; siteNames: Map<string, string>; columns: Record<AdColumn, string> }

function prepareBatch(batch: AdInput[], seenAt: string): PreparedBatch {
  // A later line with the same source and id replaces an earlier one (upsert semantics), also within a batch.
  const unique = [...new Map(batch.map((a) => [`${a.source}\u0000${a.id}`, a])).values()];
  const siteNames = new Map(unique.flatMap((a) => (a.site_name ? [[dbText(a.publisher), dbText(a.site_name)] as [string, string]] : [])));
  return { rows: batch.length, publishers: unique.map((a) => dbText(a.publisher)), siteNames, columns: adArrays(unique.map((ad) => adValues(ad, 0, null, seenAt))) };
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
  const publisherId = pgArray(await resolvePublishers(tx, b.publishers, b.siteNames, known));
  await sql`
    with a as (
      ${upsertAdsSql({ ...b.columns, publisher_id: publisherId })}
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
 * Publisher ids already written by this store, with the site name last written for each: a page's
 * ads mostly share one publisher, and a crawl sees the same few publishers on every page. Filled only
 * after the writing transaction commits (a rolled-back id must not be reused).
 */
const knownPublishers = new WeakMap<object, Map<string, { id: number; siteName: string | null }>>();

/** Publisher ids for a page's ads, writing only names not yet known or whose site name changed (one statement for all). */
async function pagePublishers(tx: Tx, known: Map<string, { id: number; siteName: string | null }>, ads: AdInput[], learned: Map<string, { id: number; siteName: string | null }>): Promise<number[]> {
  const want = new Map<string, string | null>();
  for (const ad of ads) {
    const name = dbText(ad.publisher);
    const site = ad.site_name ? dbText(ad.site_name) : null;
    if (!want.has(name) || site !== null) want.set(name, site);
  }
  const ids = new Map<string, number>();
  const write: Array<[string, string | null]> = [];
  for (const [name, site] of want) {
    const k = learned.get(name) ?? known.get(name);
    if (k && (site === null || site === k.siteName)) ids.set(name, k.id);
    else write.push([name, site]);
  }
  if (write.length) {
    // The latest name a site gave itself wins; a sighting that found none keeps the one known.
    const { rows } = await sql<{ id: number; name: string; site_name: string | null }>`insert into publisher (name, site_name)
      select * from unnest(${write.map((w) => w[0])}::text[], ${write.map((w) => w[1])}::text[])
      on conflict (name) do update set site_name = coalesce(excluded.site_name, publisher.site_name)
      returning id, name, site_name`.execute(tx);
    for (const r of rows) {
      ids.set(r.name, Number(r.id));
      learned.set(r.name, { id: Number(r.id), siteName: r.site_name });
    }
  }
  return ads.map((ad) => ids.get(dbText(ad.publisher))!);
}

/**
 * Stores the captures of one page together, as saveCapture does each, in one transaction: all or
 * none, with one commit (on a server, one WAL flush) for the page instead of one per ad. The
 * statements are per page, not per ad: the run's chain lock, the chain's end, the page's ads,
 * artefacts, observations and manifest entries each as one statement (about 8 round trips for a
 * page of any size instead of 6 an ad; the chain lock, which serialises a run's writers, is held
 * that much shorter). `settle`: the URL of the page's frontier item, marked done in the same transaction.
 */
export async function saveCaptures(db: Kysely<Database>, evidenceDir: string, runId: number, caps: Capture[], crawlerVersion: string, o: { settle?: string | undefined } = {}): Promise<SavedCapture[]> {
  if (caps.length === 0) return [];
  const files = await writeCaptureFiles(evidenceDir, caps);
  return (await saveCapturePages(db, runId, [{ caps, files, settle: o.settle }], crawlerVersion))[0]!;
}

/** The evidence files of one capture, written. */
export interface CaptureFiles { shot: ArtefactRef | null; pageShot: ArtefactRef | null; html: ArtefactRef | null; artefacts: ArtefactRef[] }

/**
 * Writes the captures' evidence files (content-addressed, idempotent), all at once. Files go before
 * rows: a file without its row is harmless and rewritten by the repeat, a row without its file cannot happen.
 */
export async function writeCaptureFiles(evidenceDir: string, caps: Capture[]): Promise<CaptureFiles[]> {
  const write = (kind: string, data: string | Buffer | null | undefined) => (data === null || data === undefined ? Promise.resolve(null) : writeArtefact(evidenceDir, kind, data));
  return Promise.all(caps.map(async (cap) => {
    const s = cap.sighting;
    const [shot, pageShot, html, noticeFile] = await Promise.all([write("screenshot", s.screenshotPng || null), write("page-screenshot", s.pageScreenshotPng || null), write("html", s.html || null), write("notice", cap.notice ? cap.notice.body : null)]);
    return { shot, pageShot, html, artefacts: [shot, pageShot, html, noticeFile].filter((a): a is ArtefactRef => a !== null) };
  }));
}

/** One page's captures with their files already written, and the frontier item they settle (if any). */
export interface CapturePage { caps: Capture[]; files: CaptureFiles[]; settle?: string | undefined }

/**
 * Stores several pages' captures in one transaction (a group commit: the crawler gathers the pages
 * that finish while the previous commit runs): the same rows as saveCaptures for each page, each
 * statement once for all of them, and their frontier items marked done in it. Returns each page's
 * saved captures, in order.
 */
export async function saveCapturePages(db: Kysely<Database>, runId: number, pages: CapturePage[], crawlerVersion: string): Promise<SavedCapture[][]> {
  const caps = pages.flatMap((p) => p.caps);
  const files = pages.flatMap((p) => p.files);
  const settle = [...new Set(pages.flatMap((p) => (p.settle === undefined ? [] : [p.settle])))];
  if (caps.length === 0 && settle.length === 0) return pages.map(() => []);
  let known = knownPublishers.get(db);
  if (!known) knownPublishers.set(db, (known = new Map()));
  const learned = new Map<string, { id: number; siteName: string | null }>();
  const out = await db.transaction().execute(async (tx) => {
    const saved = caps.length > 0 ? await insertCaptureRows(tx, runId, caps, files, crawlerVersion, { known: known!, learned }) : [];
    // The pages' frontier items, when their captures are the last thing their handlers do.
    if (settle.length > 0) await tx.updateTable("frontier").set({ status: "done", reason: null, updated_at: new Date() }).where("run_id", "=", runId).where("url", "in", settle).execute();
    return saved;
  });
  for (const [name, v] of learned) known.set(name, v);
  let at = 0;
  return pages.map((p) => out.slice(at, (at += p.caps.length)));
}

async function insertCaptureRows(tx: Transaction<Database>, runId: number, caps: Capture[], files: CaptureFiles[], crawlerVersion: string, publishers: { known: Map<string, { id: number; siteName: string | null }>; learned: Map<string, { id: number; siteName: string | null }> }): Promise<SavedCapture[]> {
  // The run's lock orders the hash chain. The chain's end is read by a second statement, after the
  // lock is held: a statement that waited for the lock still sees the rows of its own snapshot,
  // taken before the writer it waited for committed (one statement for both lost entries under load).
  await lockRunChain(tx, runId);
  const end = await tx.selectFrom("manifest_entry").select(["seq", "entry_hash"]).where("crawl_run_id", "=", runId).orderBy("seq", "desc").limit(1).executeTakeFirst();
  const noticeIds: Array<number | null> = [];
  for (const cap of caps) noticeIds.push(cap.notice ? await archiveNotice(tx, cap.notice) : null);
  const publisherIds = await pagePublishers(tx, publishers.known, caps.map((c) => c.ad), publishers.learned);
  const adIds = await upsertPageAds(tx, caps, publisherIds, noticeIds);
  const artefacts = [...new Map(files.flatMap((f) => f.artefacts).map((a) => [a.sha256, a])).values()];
  if (artefacts.length > 0) {
    await tx.insertInto("artefact").values(artefacts.map((a) => ({ sha256: a.sha256, kind: a.kind, bytes: a.bytes, path: a.path }))).onConflict((oc) => oc.column("sha256").doNothing()).execute();
  }
  // A repeated sighting (the same ad on the same page in this run, here or in an earlier attempt) is stored once: the first.
  const inserted = await tx
    .insertInto("observation")
    .values(caps.map((cap, i) => {
      const s = cap.sighting;
      const f = files[i]!;
      return {
        ad_id: adIds[i]!, crawl_run_id: runId, seen_at: s.seenAt, page_url: s.pageUrl, frame_chain: JSON.stringify(s.frameChain),
        viewport: s.viewport ? JSON.stringify(s.viewport) : null, user_agent: s.userAgent, crawler_version: crawlerVersion,
        screenshot_sha256: f.shot?.sha256 ?? null, html_sha256: f.html?.sha256 ?? null, page_screenshot_sha256: f.pageShot?.sha256 ?? null,
        label_styles: JSON.stringify(s.labelStyles), links: JSON.stringify(s.links),
      };
    }))
    .onConflict((oc) => oc.columns(["ad_id", "crawl_run_id", "page_url"]).doNothing())
    .returning(["id", "ad_id", "page_url"])
    .execute();
  const obsOf = new Map(inserted.map((r) => [`${r.ad_id}\u0000${r.page_url}`, Number(r.id)]));
  const entries: Array<{ kind: string; ref: string; sha256: string }> = [];
  const saved = caps.map((cap, i): SavedCapture => {
    const key = `${adIds[i]}\u0000${cap.sighting.pageUrl}`;
    const obsId = obsOf.get(key);
    if (obsId === undefined) return { adId: adIds[i]!, observationNew: false, artefacts: files[i]!.artefacts };
    obsOf.delete(key); // a second capture of the same sighting on this page is not new
    for (const a of files[i]!.artefacts) entries.push({ kind: a.kind, ref: `observation:${obsId}`, sha256: a.sha256 });
    return { adId: adIds[i]!, observationNew: true, artefacts: files[i]!.artefacts };
  });
  await insertManifestEntries(tx, runId, entries, end?.seq ?? 0, end?.entry_hash ?? GENESIS);
  return saved;
}

/**
 * Upserts a page's ads in one statement (from column arrays), returning each capture's ad id in order.
 * The same ad twice on one page is written once, with the later sighting's content and the widest seen range.
 */
async function upsertPageAds(tx: Tx, caps: Capture[], publisherIds: number[], noticeIds: Array<number | null>): Promise<number[]> {
  const byKey = new Map<string, AdRow>();
  caps.forEach((cap, i) => {
    const v = adValues(cap.ad, publisherIds[i]!, noticeIds[i]!, cap.sighting.seenAt);
    const key = `${v.source}\u0000${v.external_id}`;
    const prev = byKey.get(key);
    if (prev) {
      v.notice_id ??= prev.notice_id;
      v.first_seen_at = prev.first_seen_at < v.first_seen_at ? prev.first_seen_at : v.first_seen_at;
      v.last_seen_at = prev.last_seen_at > v.last_seen_at ? prev.last_seen_at : v.last_seen_at;
    }
    byKey.set(key, v);
  });
  const { rows: ids } = await sql<{ id: number; source: string; external_id: string }>`${upsertAdsSql(adArrays([...byKey.values()]))} returning id, source, external_id`.execute(tx);
  const idOf = new Map(ids.map((r) => [`${r.source}\u0000${r.external_id}`, Number(r.id)]));
  return caps.map((cap) => idOf.get(`${dbText(cap.ad.source)}\u0000${dbText(cap.ad.id)}`)!);
}
