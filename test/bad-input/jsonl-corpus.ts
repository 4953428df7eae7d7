/** One bad JSON-lines input and the error it must produce (line and, where there is one, field). */
export interface BadCase { name: string; input: Buffer; line: number; message: RegExp }

const ok = '{"id":"a","source":"publisher","publisher":"nu.nl"}';
const b = (s: string) => Buffer.from(s, "utf8");
const second = (bad: string, message: RegExp): Omit<BadCase, "name"> => ({ input: b(`${ok}\n${bad}\n`), line: 2, message });

function deep(n: number): string {
  return `${"[".repeat(n)}${"]".repeat(n)}`;
}

/** The bad JSON-lines corpus: truncation, wrong types, missing fields, huge strings, bad bytes, nesting. */
export const BAD_JSONL: BadCase[] = [
  { name: "truncated object", ...second('{"id":"a","source":"p', /line 2: not valid JSON/) },
  { name: "truncated after key", ...second('{"id":', /line 2: not valid JSON/) },
  { name: "trailing comma", ...second('{"id":"a","source":"s","publisher":"p",}', /line 2: not valid JSON/) },
  { name: "single quotes", ...second("{'id':'a'}", /line 2: not valid JSON/) },
  { name: "bare word", ...second("hello", /line 2: not valid JSON/) },
  { name: "array instead of object", ...second("[1,2,3]", /line 2: field "\(record\)"/) },
  { name: "number instead of object", ...second("42", /line 2: field "\(record\)"/) },
  { name: "string instead of object", ...second('"ad"', /line 2: field "\(record\)"/) },
  { name: "null instead of object", ...second("null", /line 2: field "\(record\)"/) },
  { name: "missing id", ...second('{"source":"s","publisher":"p"}', /line 2: field "id"/) },
  { name: "missing source", ...second('{"id":"a","publisher":"p"}', /line 2: field "source"/) },
  { name: "missing publisher", ...second('{"id":"a","source":"s"}', /line 2: field "publisher"/) },
  { name: "empty id", ...second('{"id":"","source":"s","publisher":"p"}', /line 2: field "id"/) },
  { name: "numeric id", ...second('{"id":7,"source":"s","publisher":"p"}', /line 2: field "id"/) },
  { name: "boolean source", ...second('{"id":"a","source":true,"publisher":"p"}', /line 2: field "source"/) },
  { name: "object publisher", ...second('{"id":"a","source":"s","publisher":{}}', /line 2: field "publisher"/) },
  { name: "numeric text", ...second('{"id":"a","source":"s","publisher":"p","text":5}', /line 2: field "text"/) },
  { name: "array sponsor", ...second('{"id":"a","source":"s","publisher":"p","sponsor":["x"]}', /line 2: field "sponsor"/) },
  { name: "numeric notice", ...second('{"id":"a","source":"s","publisher":"p","notice":12}', /line 2: field "notice"/) },
  { name: "string notice_status", ...second('{"id":"a","source":"s","publisher":"p","notice_status":"200"}', /line 2: field "notice_status"/) },
  { name: "fractional notice_status", ...second('{"id":"a","source":"s","publisher":"p","notice_status":200.5}', /line 2: field "notice_status"/) },
  { name: "negative notice_status", ...second('{"id":"a","source":"s","publisher":"p","notice_status":-1}', /line 2: field "notice_status"/) },
  { name: "targeting as string", ...second('{"id":"a","source":"s","publisher":"p","targeting":"age 18+"}', /line 2: field "targeting"/) },
  { name: "targeting as array", ...second('{"id":"a","source":"s","publisher":"p","targeting":[1]}', /line 2: field "targeting"/) },
  { name: "bad first_seen", ...second('{"id":"a","source":"s","publisher":"p","first_seen":"yesterday"}', /line 2: field "first_seen"/) },
  { name: "numeric last_seen", ...second('{"id":"a","source":"s","publisher":"p","last_seen":1700000000}', /line 2: field "last_seen"/) },
  { name: "country too short", ...second('{"id":"a","source":"s","publisher":"p","country":"N"}', /line 2: field "country"/) },
  { name: "country as number", ...second('{"id":"a","source":"s","publisher":"p","country":31}', /line 2: field "country"/) },
  { name: "10 MB text", ...second(`{"id":"a","source":"s","publisher":"p","text":"${"x".repeat(10_000_000)}"}`, /line 2: field "text"/) },
  { name: "10 MB sponsor", ...second(`{"id":"a","source":"s","publisher":"p","sponsor":"${"x".repeat(10_000_000)}"}`, /line 2: field "sponsor"/) },
  { name: "huge id", ...second(`{"id":"${"i".repeat(100_000)}","source":"s","publisher":"p"}`, /line 2: field "id"/) },
  { name: "line over the byte limit", input: Buffer.concat([b(`${ok}\n{"id":"a","text":"`), Buffer.alloc(17 * 1024 * 1024, 0x61)]), line: 2, message: /line 2: longer than/ },
  { name: "invalid UTF-8 byte", input: Buffer.concat([b(`${ok}\n{"id":"`), Buffer.from([0xff, 0xfe]), b('","source":"s","publisher":"p"}\n')]), line: 2, message: /line 2: not valid UTF-8/ },
  { name: "overlong UTF-8 encoding", input: Buffer.concat([b(`${ok}\n{"id":"`), Buffer.from([0xc0, 0xaf]), b('","source":"s","publisher":"p"}\n')]), line: 2, message: /line 2: not valid UTF-8/ },
  { name: "truncated UTF-8 sequence", input: Buffer.concat([b(`${ok}\n{"id":"`), Buffer.from([0xe2, 0x82]), b('","source":"s","publisher":"p"}\n')]), line: 2, message: /line 2: not valid UTF-8/ },
  { name: "lone surrogate bytes", input: Buffer.concat([b(`${ok}\n{"id":"`), Buffer.from([0xed, 0xa0, 0x80]), b('","source":"s","publisher":"p"}\n')]), line: 2, message: /line 2: not valid UTF-8/ },
  { name: "raw NUL byte", input: Buffer.concat([b(`${ok}\n{"id":"a`), Buffer.from([0x00]), b('","source":"s","publisher":"p"}\n')]), line: 2, message: /line 2: contains a NUL byte/ },
  { name: "escaped NUL in text", ...second('{"id":"a","source":"s","publisher":"p","text":"x\\u0000y"}', /line 2: field "text": contains a NUL character/) },
  { name: "deeply nested array in extra field", ...second(`{"id":"a","source":"s","publisher":"p","deep":${deep(100_000)}}`, /line 2: field "deep(\.0)*": nested deeper than 64/) },
  { name: "deeply nested notice", ...second(`{"id":"a","source":"s","publisher":"p","notice":${"{\"a\":".repeat(50_000)}1${"}".repeat(50_000)}}`, /line 2: field "notice(\.a)*": nested deeper than 64/) },
  { name: "bad line after blank lines", input: b(`${ok}\n\n\n{bad}\n`), line: 4, message: /line 4: not valid JSON/ },
  { name: "CRLF with bad JSON", input: b(`${ok}\r\n{"id":\r\n`), line: 2, message: /line 2: not valid JSON/ },
  { name: "two objects on one line", ...second(`${ok}${ok}`, /line 2: not valid JSON/) },
  { name: "bad last line without newline", input: b(`${ok}\n{"id":"a"`), line: 2, message: /line 2: not valid JSON/ },
  { name: "first line broken", input: b('{"id"\n'), line: 1, message: /line 1: not valid JSON/ },
];
