import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** An ad with everything the ad page and the evidence bundle show about it. */
export interface AdDetail {
  id: number; source: string; externalId: string; publisher: string; publisherSiteName: string | null; publisherKind: string; sponsor: string | null; text: string | null;
  html: string | null; label: string | null; noticeUrl: string | null; noticeId: number | null; noticeInline: unknown; noticeStatus: number | null;
  targeting: Record<string, unknown> | null; country: string; contentHash: string; firstSeenAt: Date; lastSeenAt: Date;
  verdict: { political: boolean; score: number; decision: string; party: string | null; reasons: string[]; ruleSet: string; classifiedAt: Date } | null;
}

function json<T>(v: unknown): T {
  return (typeof v === "string" ? JSON.parse(v) : v) as T;
}

/** Finds one ad with its publisher and verdict. */
export async function findAdDetail(db: Kysely<Database>, id: number): Promise<AdDetail | undefined> {
  const r = await db
    .selectFrom("ad as a")
    .innerJoin("publisher as p", "p.id", "a.publisher_id")
    .leftJoin("verdict as v", "v.ad_id", "a.id")
    .selectAll("a")
    .select(["p.name as publisher", "p.site_name as publisher_site_name", "p.kind as publisher_kind", "v.political", "v.score", "v.decision", "v.party", "v.reasons", "v.rule_set", "v.classified_at"])
    .where("a.id", "=", id)
    .executeTakeFirst();
  if (!r) return undefined;
  const verdict = r.political === null ? null : {
    political: r.political, score: Number(r.score), decision: r.decision ?? "", party: r.party, reasons: json<string[]>(r.reasons ?? []),
    ruleSet: r.rule_set ?? "", classifiedAt: new Date(r.classified_at ?? 0),
  };
  return {
    id: Number(r.id), source: r.source, externalId: r.external_id, publisher: r.publisher, publisherSiteName: r.publisher_site_name, publisherKind: r.publisher_kind, sponsor: r.sponsor,
    text: r.text, html: r.html, label: r.label, noticeUrl: r.notice_url, noticeId: r.notice_id === null ? null : Number(r.notice_id),
    noticeInline: r.notice_inline === null ? null : json<unknown>(r.notice_inline), noticeStatus: r.notice_status,
    targeting: r.targeting === null ? null : json<Record<string, unknown>>(r.targeting), country: r.country, contentHash: r.content_hash,
    firstSeenAt: new Date(r.first_seen_at), lastSeenAt: new Date(r.last_seen_at), verdict,
  };
}

/** One archived fetch of a transparency notice. */
export interface NoticeFetch {
  id: number; url: string; finalUrl: string | null; status: number; contentType: string | null; body: string; redirects: string[];
  sha256: string; error: string | null; fetchedAt: Date;
}

/** Lists every archived fetch of a notice URL (and the ad's linked notice), oldest first. */
export async function listNoticeHistory(db: Kysely<Database>, o: { url: string | null; noticeId: number | null }): Promise<NoticeFetch[]> {
  if (o.url === null && o.noticeId === null) return [];
  const rows = await db
    .selectFrom("notice")
    .selectAll()
    .where((eb) => eb.or([...(o.url !== null ? [eb("url", "=", o.url)] : []), ...(o.noticeId !== null ? [eb("id", "=", o.noticeId)] : [])]))
    .orderBy("fetched_at")
    .orderBy("id")
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id), url: r.url, finalUrl: r.final_url, status: r.status, contentType: r.content_type, body: r.body,
    redirects: json<string[]>(r.redirects), sha256: r.sha256, error: r.error, fetchedAt: new Date(r.fetched_at),
  }));
}

/** One finding on the ad page. */
export interface AdFinding { id: number; rule: string; severity: string; message: string; ruleSet: string; reviewStatus: string; reviewNote: string | null; reviewedBy: string | null; reviewedAt: Date | null }

/** Lists an ad's findings in rule order. */
export async function listAdFindings(db: Kysely<Database>, adId: number): Promise<AdFinding[]> {
  const rows = await db.selectFrom("finding").selectAll().where("ad_id", "=", adId).orderBy("rule").orderBy("id").execute();
  return rows.map((r) => ({
    id: Number(r.id), rule: r.rule, severity: r.severity, message: r.message, ruleSet: r.rule_set, reviewStatus: r.review_status,
    reviewNote: r.review_note, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at ? new Date(r.reviewed_at) : null,
  }));
}

/** A stored evidence file linked to a sighting. */
export interface EvidenceFile { sha256: string; kind: string; bytes: number; path: string }

/** One sighting of the ad, with its evidence files. */
export interface Sighting {
  id: number; crawlRunId: number | null; seenAt: Date; pageUrl: string; frameChain: string[]; viewport: { width: number; height: number } | null;
  userAgent: string | null; crawlerVersion: string | null; screenshot: EvidenceFile | null; html: EvidenceFile | null; links: string[];
  /** The whole page as rendered, when the crawl asked for it. */
  pageScreenshot: EvidenceFile | null;
  /** The label's computed style facts as captured (visibility, size, contrast), the salience evidence. */
  labelStyles: Array<Record<string, unknown>>;
}

/** Lists every sighting of an ad, oldest first, with the artefact rows of its screenshot and HTML. */
export async function listAdSightings(db: Kysely<Database>, adId: number): Promise<Sighting[]> {
  const rows = await db
    .selectFrom("observation as o")
    .leftJoin("artefact as s", "s.sha256", "o.screenshot_sha256")
    .leftJoin("artefact as h", "h.sha256", "o.html_sha256")
    .leftJoin("artefact as p", "p.sha256", "o.page_screenshot_sha256")
    .select(["o.id", "o.crawl_run_id", "o.seen_at", "o.page_url", "o.frame_chain", "o.viewport", "o.user_agent", "o.crawler_version", "o.links", "o.label_styles",
      "s.sha256 as s_sha", "s.kind as s_kind", "s.bytes as s_bytes", "s.path as s_path", "h.sha256 as h_sha", "h.kind as h_kind", "h.bytes as h_bytes", "h.path as h_path",
      "p.sha256 as p_sha", "p.kind as p_kind", "p.bytes as p_bytes", "p.path as p_path"])
    .where("o.ad_id", "=", adId)
    .orderBy("o.seen_at")
    .orderBy("o.id")
    .limit(1000)
    .execute();
  const file = (sha: string | null, kind: string | null, bytes: number | null, path: string | null): EvidenceFile | null =>
    sha && kind && path ? { sha256: sha, kind, bytes: Number(bytes ?? 0), path } : null;
  return rows.map((r) => ({
    id: Number(r.id), crawlRunId: r.crawl_run_id === null ? null : Number(r.crawl_run_id), seenAt: new Date(r.seen_at), pageUrl: r.page_url,
    frameChain: json<string[]>(r.frame_chain), viewport: r.viewport === null ? null : json<{ width: number; height: number }>(r.viewport),
    userAgent: r.user_agent, crawlerVersion: r.crawler_version, links: json<string[]>(r.links), labelStyles: json<Array<Record<string, unknown>>>(r.label_styles),
    screenshot: file(r.s_sha, r.s_kind, r.s_bytes, r.s_path), html: file(r.h_sha, r.h_kind, r.h_bytes, r.h_path), pageScreenshot: file(r.p_sha, r.p_kind, r.p_bytes, r.p_path),
  }));
}

/** Finds an artefact row by hash: the only way the dashboard maps a URL to a file. */
export async function findArtefact(db: Kysely<Database>, sha256: string): Promise<EvidenceFile | undefined> {
  const r = await db.selectFrom("artefact").selectAll().where("sha256", "=", sha256).executeTakeFirst();
  return r ? { sha256: r.sha256, kind: r.kind, bytes: Number(r.bytes), path: r.path } : undefined;
}
