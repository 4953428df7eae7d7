import { parse } from "csv-parse/sync";
import { InputError } from "../common/errors.js";
import { ACTOR_KINDS, type ActorKind, type ActorRow } from "./actors.js";

/**
 * Bad actor import file; the message names the line and the column. Nothing is imported when it is thrown.
 * An InputError, so the command line answers it with exit code 2 like any other bad input.
 */
export class ActorsCsvError extends InputError {
  override name = "ActorsCsvError";
  constructor(
    message: string,
    readonly line: number,
    options?: { cause?: unknown; field?: string },
  ) {
    super(message, options?.field === undefined ? { line } : { line, field: options.field }, options);
  }
}

const MAX_ROWS = 100_000;

/**
 * Parse the `polad actors import FILE.csv` format: header `name,party,kind,aliases` (party and aliases may be
 * empty; aliases separated by `;` or `|`). All-or-nothing: the first bad row throws an ActorsCsvError.
 */
export function parseActorsCsv(text: string): ActorRow[] {
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // info: the file line of each record, so messages stay right after blank lines and multi-line fields.
    parsed = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof parsed;
  } catch (err) {
    const line = typeof err === "object" && err !== null && "lines" in err ? Number((err as { lines: unknown }).lines) : 0;
    throw new ActorsCsvError(`actors CSV: line ${line}: not valid CSV`, line, { cause: err });
  }
  const records = parsed.map((p) => p.record);
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const col = (name: string): number => header.indexOf(name);
  if (col("name") < 0 || col("kind") < 0) {
    throw new ActorsCsvError("actors CSV: line 1: header must contain the columns name,party,kind,aliases", 1);
  }
  if (records.length - 1 > MAX_ROWS) throw new ActorsCsvError(`actors CSV: more than ${MAX_ROWS} rows`, MAX_ROWS + 2);
  return parsed.slice(1).map((p) => toRow(p.record, p.info.lines, col));
}

function toRow(record: string[], line: number, col: (name: string) => number): ActorRow {
  const cell = (name: string): string => (col(name) >= 0 ? (record[col(name)] ?? "") : "");
  // Postgres text cannot hold NUL: refuse it here, naming the line, rather than fail in the database.
  for (const c of ["name", "party", "kind", "aliases"]) {
    if (cell(c).includes("\u0000")) throw new ActorsCsvError(`actors CSV: line ${line}: column "${c}" contains a NUL character`, line, { field: c });
  }
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
