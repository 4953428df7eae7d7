import type { Readable } from "node:stream";
import type { z } from "zod";
import { InputError } from "./errors.js";

/** Longest accepted input line; longer lines are refused with a clear error instead of exhausting memory. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/**
 * Reads JSON lines from a byte stream, strictly: invalid UTF-8, NUL bytes, a line over
 * MAX_LINE_BYTES, bad JSON or a schema mismatch each throw an InputError naming the line and field.
 * Blank lines are skipped. Streams: memory stays flat as input grows.
 */
export async function* readJsonLines<T>(input: Readable, schema: z.ZodType<T>): AsyncGenerator<{ line: number; value: T }> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  const parse = (bytes: Buffer) => {
    line++;
    return parseLine(bytes, line, schema, decoder);
  };
  for await (const chunk of input) {
    let buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    let nl: number;
    while ((nl = buf.indexOf(0x0a)) !== -1) {
      const part = buf.subarray(0, nl);
      const whole = pending.length ? Buffer.concat([...pending, part]) : part;
      pending = [];
      pendingBytes = 0;
      const v = parse(whole);
      if (v !== undefined) yield { line, value: v };
      buf = buf.subarray(nl + 1);
    }
    if (buf.length) {
      pendingBytes += buf.length;
      if (pendingBytes > MAX_LINE_BYTES) throw new InputError(`line ${line + 1}: longer than ${MAX_LINE_BYTES} bytes`, { line: line + 1 });
      pending.push(Buffer.from(buf));
    }
  }
  if (pending.length) {
    const v = parse(Buffer.concat(pending));
    if (v !== undefined) yield { line, value: v };
  }
}

function parseLine<T>(bytes: Buffer, line: number, schema: z.ZodType<T>, decoder: TextDecoder): T | undefined {
  if (bytes.length > MAX_LINE_BYTES) throw new InputError(`line ${line}: longer than ${MAX_LINE_BYTES} bytes`, { line });
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (err) {
    throw new InputError(`line ${line}: not valid UTF-8`, { line }, { cause: err });
  }
  if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return undefined;
  if (text.includes("\u0000")) throw new InputError(`line ${line}: contains a NUL byte`, { line });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`line ${line}: not valid JSON (${(err as Error).message})`, { line }, { cause: err });
  }
  const problem = inspectValue(json);
  if (problem) throw new InputError(`line ${line}: field "${problem.field}": ${problem.message}`, { line, field: problem.field });
  const r = schema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.join(".") || "(record)";
    throw new InputError(`line ${line}: field "${field}": ${issue?.message ?? "invalid"}`, { line, field });
  }
  return r.data;
}

/** Deepest nesting accepted in an input record: deeper is hostile, and would make later walks overflow. */
export const MAX_DEPTH = 64;

/** Walks a parsed value without recursion: refuses NUL characters (Postgres text cannot hold them) and excessive nesting. */
function inspectValue(root: unknown): { field: string; message: string } | null {
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: root, path: "", depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === "string") {
      if (v.includes("\u0000")) return { field: path || "(record)", message: "contains a NUL character" };
    } else if (v && typeof v === "object") {
      if (depth >= MAX_DEPTH) return { field: path || "(record)", message: `nested deeper than ${MAX_DEPTH} levels` };
      for (const [k, child] of Object.entries(v)) {
        if (k.includes("\u0000")) return { field: path || "(record)", message: "a key contains a NUL character" };
        stack.push({ v: child, path: path ? `${path}.${k}` : k, depth: depth + 1 });
      }
    }
  }
  return null;
}
