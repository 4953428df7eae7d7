import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GenTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** JSON columns are written as JSON text (PGlite and node-pg both accept it) and read back parsed. */
type Json<T = unknown> = ColumnType<T, string, string>;
type GenJson<T = unknown> = ColumnType<T, string | undefined, string>;
/** bigserial ids come back as strings from node-pg and numbers from PGlite: read them through `Number()`. */
type Id = ColumnType<string | number, never, never>;
type FkId = ColumnType<string | number, number | string, number | string>;

export interface CrawlRunTable {
  id: Generated<string | number>;
  run_key: string;
  source: string;
  params: Json<Record<string, unknown>>;
  status: Generated<string>;
  started_at: GenTimestamp;
  finished_at: Timestamp | null;
  clock_start: Timestamp | null;
  crawler_version: string;
  stats: GenJson<Record<string, unknown>>;
  error: string | null;
}
export interface FrontierTable {
  run_id: FkId;
  url: string;
  depth: Generated<number>;
  kind: Generated<string>;
  payload: GenJson<Record<string, unknown>>;
  status: Generated<string>;
  attempts: Generated<number>;
  reason: string | null;
  updated_at: GenTimestamp;
}
export interface PublisherTable { id: Generated<string | number>; name: string; kind: Generated<string>; site_name: ColumnType<string | null, string | null | undefined, string | null> }
export interface ActorTable {
  id: Generated<string | number>;
  name: string;
  party: string | null;
  kind: Generated<string>;
  aliases: GenJson<string[]>;
}
export interface NoticeTable {
  id: Generated<string | number>;
  url: string;
  final_url: string | null;
  status: number;
  headers: Json<Record<string, string>>;
  content_type: string | null;
  body: string;
  redirects: Json<string[]>;
  sha256: string;
  error: string | null;
  fetched_at: Timestamp;
}
export interface AdTable {
  id: Generated<string | number>;
  source: string;
  external_id: string;
  publisher_id: FkId;
  sponsor: string | null;
  text: string | null;
  html: string | null;
  label: string | null;
  notice_url: string | null;
  notice_id: FkId | null;
  notice_inline: Json<unknown> | null;
  notice_status: number | null;
  targeting: Json<Record<string, unknown>> | null;
  extra: Json<Record<string, unknown>>;
  country: string;
  content_hash: string;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  created_at: GenTimestamp;
  /** The creative (lowest ad id among exact and near duplicates); null until clustered. */
  creative_id: ColumnType<string | number | null, number | null | undefined, number | null>;
  creative_bands: ColumnType<Array<string | number> | null, never, never>;
}
export interface ArtefactTable { sha256: string; kind: string; bytes: number; path: string; created_at: GenTimestamp }
export interface ObservationTable {
  id: Generated<string | number>;
  ad_id: FkId;
  crawl_run_id: FkId | null;
  seen_at: Timestamp;
  page_url: string;
  frame_chain: Json<string[]>;
  viewport: Json<{ width: number; height: number }> | null;
  user_agent: string | null;
  crawler_version: string | null;
  screenshot_sha256: string | null;
  /** Screenshot of the whole page the ad was on (only when the crawl asked for it; migration 0007). */
  page_screenshot_sha256: string | null;
  html_sha256: string | null;
  label_styles: Json<unknown[]>;
  links: Json<string[]>;
}
export interface ManifestEntryTable {
  crawl_run_id: FkId;
  seq: number;
  kind: string;
  ref: string;
  sha256: string;
  prev_hash: string;
  entry_hash: string;
  created_at: GenTimestamp;
}
export interface VerdictTable {
  ad_id: FkId;
  political: boolean;
  score: number;
  decision: string;
  party: string | null;
  reasons: Json<string[]>;
  rule_set: string;
  classified_at: GenTimestamp;
}
export interface FindingTable {
  id: Generated<string | number>;
  ad_id: FkId;
  rule: string;
  severity: string;
  message: string;
  rule_set: string;
  review_status: Generated<string>;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  created_at: GenTimestamp;
}

export interface ScheduleEntryTable {
  name: string;
  kind: "crawl" | "notices";
  plan: GenJson<Record<string, unknown>>;
  every_seconds: number;
  max_pages: Generated<number>;
  concurrency: Generated<number>;
  created_at: GenTimestamp;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_success_at: Timestamp | null;
  last_status: string | null;
  last_error: string | null;
}
export interface NoticeProbeTable {
  id: Generated<string | number>;
  crawl_run_id: FkId | null;
  url: string;
  notice_id: FkId;
  probed_at: Timestamp;
  status: number;
  sha256: string;
  outcome: "first" | "unchanged" | "changed" | "gone" | "back";
}

export interface AdvertiserReportTable {
  id: Generated<string | number>;
  ad_id: FkId;
  platform: string;
  page_id: string;
  page_name: string | null;
  disclaimer: string | null;
  ran_without_disclaimer: boolean;
  spend_min: number | null;
  spend_max: number | null;
  spend_text: string | null;
  currency: string | null;
  ads_in_library: number | null;
  report_date: ColumnType<string | Date | null, string | null, string | null>;
  period: string | null;
  country: string | null;
  region: string | null;
  report_url: string | null;
  updated_at: GenTimestamp;
}

/** The database as Kysely sees it. */
export interface Database {
  crawl_run: CrawlRunTable;
  frontier: FrontierTable;
  publisher: PublisherTable;
  actor: ActorTable;
  notice: NoticeTable;
  ad: AdTable;
  artefact: ArtefactTable;
  observation: ObservationTable;
  manifest_entry: ManifestEntryTable;
  verdict: VerdictTable;
  finding: FindingTable;
  advertiser_report: AdvertiserReportTable;
  schedule_entry: ScheduleEntryTable;
  notice_probe: NoticeProbeTable;
}
export type { Id };
