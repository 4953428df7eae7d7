import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { adInputSchema } from "../../common/ad-input.js";
import { InputError } from "../../common/errors.js";
import { readJsonLines } from "../../common/jsonl.js";
import { BAD_JSONL } from "./jsonl-corpus.js";

async function readAll(buf: Buffer, chunk = 64 * 1024) {
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) chunks.push(buf.subarray(i, i + chunk));
  const out = [];
  for await (const r of readJsonLines(Readable.from(chunks), adInputSchema)) out.push(r);
  return out;
}

describe("bad JSON lines are refused with an error naming the line and field", () => {
  it.each(BAD_JSONL.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const err = await readAll(c.input).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(c.message);
    expect((err as InputError).where?.line).toBe(c.line);
  });

  it("accepts a BOM, CRLF line ends, blank lines and unknown fields, split across any chunk size", async () => {
    const text = '\ufeff{"id":"a","source":"s","publisher":"p","extra":{"k":1}}\r\n\n{"id":"b","source":"s","publisher":"p","text":"één"}';
    for (const size of [1, 3, 7, 1024]) {
      const rows = await readAll(Buffer.from(text, "utf8"), size);
      expect(rows.map((r) => [r.line, r.value.id])).toEqual([[1, "a"], [3, "b"]]);
      expect(rows[0]!.value).toMatchObject({ extra: { k: 1 }, country: "NL" });
      expect(rows[1]!.value.text).toBe("één");
    }
  });
});
