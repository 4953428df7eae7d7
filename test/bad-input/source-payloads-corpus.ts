/** Bad source payloads: Google bundle creative_stats CSV and Meta ads_archive JSON, each with the error it must produce. */

/** A bad creative_stats CSV and the message naming its line and field. */
export interface BadBundleCase { name: string; csv: string; message: RegExp }

const H = "ad_id,ad_url,ad_type,regions,advertiser_id,advertiser_name,impressions";
const ok = "CR1,https://adstransparency.google.com/x,TEXT,NL,AR1,Partij,≤ 10k";

/** creative_stats files that must be refused. */
export const BAD_BUNDLE_CSV: BadBundleCase[] = [
  { name: "empty file", csv: "", message: /creative_stats: the file is empty/ },
  { name: "blank lines only", csv: "\n\r\n\n", message: /creative_stats: the file is empty/ },
  { name: "header without ad_id (renamed to creative_id)", csv: `creative_id,regions\nCR1,NL\n`, message: /line 1: header has no "ad_id" column/ },
  { name: "semicolon delimiter", csv: H.replaceAll(",", ";") + "\n" + ok.replaceAll(",", ";") + "\n", message: /line 1: header has no "ad_id" column/ },
  { name: "HTML error page instead of CSV", csv: "<!doctype html><html><body>403 Forbidden</body></html>", message: /line 1: header has no "ad_id" column/ },
  { name: "JSON instead of CSV", csv: '{"error":"quota"}', message: /line 1: not valid CSV \(Invalid Opening Quote/ },
  { name: "unclosed quote", csv: `${H}\n"CR1,x,TEXT,NL,AR1,P,≤ 10k\n`, message: /line 2: not valid CSV \(Quote Not Closed/ },
  { name: "quote inside an unquoted field", csv: `${H}\nCR"1,x,TEXT,NL,AR1,P,≤ 10k\n`, message: /line 2: not valid CSV/ },
  { name: "empty ad_id", csv: `${H}\n${ok}\n,x,TEXT,NL,AR1,P,≤ 10k\n`, message: /line 3: field "ad_id"/ },
  { name: "ad_id of 10 000 characters", csv: `${H}\n${"C".repeat(10_000)},x,TEXT,NL,AR1,P,≤ 10k\n`, message: /line 2: field "ad_id": Too big/ },
];

/** creative_stats oddities with a well-defined answer. */
export const ODD_BUNDLE_CSV: Array<{ name: string; csv: string; check: Record<string, unknown> }> = [
  { name: "UTF-8 BOM and CRLF", csv: `\ufeff${H}\r\n${ok}\r\n`, check: { id: "CR1", sponsor: "Partij" } },
  { name: "NA cells everywhere", csv: `${H}\nCR2,NA,NA,NA,NA,NA,NA\n`, check: { id: "CR2", sponsor: null, ad_url: null, country: "EU" } },
  { name: "unreadable impressions bucket", csv: `${H}\nCR3,x,TEXT,NL,AR1,P,lots\n`, check: { id: "CR3", impressions: { bucket: "lots" } } },
  { name: "10 MB advertiser name is cut to 2048", csv: `${H}\nCR4,x,TEXT,NL,AR1,${"P".repeat(10_000_000)},≤ 10k\n`, check: { id: "CR4", sponsor: "P".repeat(2048) } },
  { name: "garbage timestamps become null", csv: "ad_id,regions,first_served_timestamp,date_range_start\nCR5,NL,yesterday,soon\n", check: { id: "CR5", first_seen: null } },
  { name: "extra columns are kept raw", csv: "ad_id,regions,new_column_2027\nCR6,NL,surprise\n", check: { id: "CR6", raw: { ad_id: "CR6", regions: "NL", new_column_2027: "surprise" } } },
];

/** An ads_archive record that must be refused, and the field the message names. */
export interface BadMetaRecord { name: string; record: unknown; message: RegExp }

/** ads_archive records (one element of `data`) that cannot be mapped. */
export const BAD_META_RECORDS: BadMetaRecord[] = [
  { name: "null record", record: null, message: /does not parse: : .*expected object/ },
  { name: "array record", record: [1, 2], message: /does not parse: : .*expected object/ },
  { name: "string record", record: "ad", message: /does not parse: : .*expected object/ },
  { name: "no id, _id or snapshot id", record: { ad_creative_bodies: ["x"], page_name: "P" }, message: /has no id/ },
  { name: "empty id", record: { id: "" }, message: /has no id/ },
  { name: "snapshot URL that is not a URL, no id", record: { ad_snapshot_url: "render_ad?id=1" }, message: /has no id/ },
  { name: "ad_creative_bodies as a string", record: { id: "1", ad_creative_bodies: "Stem VVD" }, message: /ad_creative_bodies: .*expected array/ },
  { name: "ad_creative_bodies null", record: { id: "1", ad_creative_bodies: null }, message: /ad_creative_bodies: .*expected array/ },
  { name: "spend as a number", record: { id: "1", spend: 100 }, message: /spend: .*expected object/ },
  { name: "bylines as an array", record: { id: "1", bylines: ["VVD"] }, message: /bylines: .*expected string/ },
  { name: "page_id as an object", record: { id: "1", page_id: { id: 5 } }, message: /page_id: / },
  { name: "target_locations as a string", record: { id: "1", target_locations: "NL" }, message: /target_locations: .*expected array/ },
];

/** ads_archive HTTP responses that are not a page of ads, and what the source must make of them. */
export const ODD_META_RESPONSES: Array<{ name: string; status: number; body: string; kind: "retry" | "fatal" | "backoff"; reason?: RegExp }> = [
  { name: "empty body", status: 200, body: "", kind: "retry" },
  { name: "HTML instead of JSON", status: 200, body: "<html><body>Sorry, something went wrong.</body></html>", kind: "retry" },
  { name: "truncated JSON", status: 200, body: '{"data":[{"id":"1"', kind: "retry" },
  { name: "data renamed to ads", status: 200, body: '{"ads":[{"id":"1"}]}', kind: "retry" },
  { name: "data as an object", status: 200, body: '{"data":{"id":"1"}}', kind: "retry" },
  { name: "error as a bare string", status: 400, body: '{"error":"bad request"}', kind: "retry" },
  { name: "error with a string code", status: 400, body: '{"error":{"message":"x","code":"190"}}', kind: "retry" },
  { name: "error without message or code", status: 400, body: '{"error":{}}', kind: "fatal", reason: /Graph API error \?/ },
  { name: "expired token (190) quoting the token", status: 400, body: '{"error":{"message":"Error validating access token TOKEN-XYZ-123: session expired","code":190}}', kind: "fatal", reason: /^(?!.*TOKEN-XYZ-123).*REDACTED/ },
  { name: "throttled (613)", status: 400, body: '{"error":{"message":"Calls to this api have exceeded the rate limit.","code":613}}', kind: "backoff" },
  { name: "HTTP 429 without JSON", status: 429, body: "Too Many Requests", kind: "backoff" },
  { name: "HTTP 502 with HTML", status: 502, body: "<html>Bad Gateway</html>", kind: "retry" },
  { name: "HTTP 404 with a valid page", status: 404, body: '{"data":[]}', kind: "retry" },
];
