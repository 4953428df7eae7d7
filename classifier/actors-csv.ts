import { parse } from "csv-parse/sync";
import { ACTOR_KINDS, type ActorKind, type ActorRow } from "./actors.js";

/** Bad actor import file; the message names the line and the column. Nothing is imported when it is thrown. */
export class ActorsCsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ActorsCsvError";
  }
}

const MAX_ROWS = 100_000;

/**
 * Parse the `polad actors import FILE.csv` format: header `name,party,kind,aliases` (party and aliases may be
 * empty; aliases separated by `;` or `|`). All-or-nothing: the first bad row throws an ActorsCsvError.
 */
export function parseActorsCsv(text: string): ActorRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    const line = typeof err === "object" && err !== null && "lines" in err ? Number((err as { lines: unknown }).lines) : 0;
    throw new ActorsCsvError(`actors CSV: line ${line}: not valid CSV`, line, { cause: err });
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const col = (name: string): number => header.indexOf(name);
  if (col("name") < 0 || col("kind") < 0) {
    throw new ActorsCsvError("actors CSV: line 1: header must contain the columns name,party,kind,aliases", 1);
  }
  if (records.length - 1 > MAX_ROWS) throw new ActorsCsvError(`actors CSV: more than ${MAX_ROWS} rows`, MAX_ROWS + 2);
  return records.slice(1).map((record, i) => toRow(record, i + 2, col));
}

function toRow(record: string[], line: number, col: (name: string) => number): ActorRow {
  const cell = (name: string): string => (col(name) >= 0 ? (record[col(name)] ?? "") : "");
  const name = cell("name");
  if (!name) throw new ActorsCsvError(`actors CSV: line ${line}: column "name" is empty`, line);
  if (name.length > 512) throw new ActorsCsvError(`actors CSV: line ${line}: column "name" is longer than 512 characters`, line);
  const kind = cell("kind").toLowerCase() as ActorKind;
  if (!ACTOR_KINDS.includes(kind)) {
    throw new ActorsCsvError(`actors CSV: line ${line}: column "kind" is "${cell("kind").slice(0, 40)}", expected one of ${ACTOR_KINDS.join(", ")}`, line);
  }
  const party = cell("party") || null;
  const aliases = cell("aliases")
    .split(/[;|]/)
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
  return { name, party, kind, aliases };
}
