import { createReadStream, existsSync } from "node:fs";
import type { Readable } from "node:stream";
import { UsageError } from "../../common/errors.js";

/** Opens `--input FILE|-` as a byte stream; a missing file is a usage error that names it. */
export function openInput(input: string): Readable {
  if (input === "-") return process.stdin;
  if (!existsSync(input)) throw new UsageError(`--input: no such file: ${input}`);
  return createReadStream(input);
}
