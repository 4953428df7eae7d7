import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../store/schema.js";

/** Where a secret was found: a table column, or a file. */
export interface Hit { where: string; sample: string }

/** Searches every text, varchar, json and jsonb column of every table in the store's schema. */
export async function scanColumns(db: Kysely<Database>, secrets: readonly string[]): Promise<{ hits: Hit[]; columns: number; cells: number }> {
  const cols = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'character')
    order by 1, 2`.execute(db);
  const hits: Hit[] = [];
  let cells = 0;
  for (const { table_name, column_name } of cols.rows) {
    const rows = await sql<{ v: string | null }>`select ${sql.ref(column_name)}::text as v from ${sql.table(table_name)}`.execute(db);
    for (const { v } of rows.rows) {
      if (v === null) continue;
      cells++;
      for (const s of secrets) if (v.includes(s)) hits.push({ where: `${table_name}.${column_name}`, sample: around(v, s) });
    }
  }
  return { hits, columns: cols.rows.length, cells };
}

/** Searches every file under `dir` for each secret as bytes (UTF-8 and UTF-16LE). */
export function scanFiles(dir: string, secrets: readonly string[]): { hits: Hit[]; files: number } {
  const hits: Hit[] = [];
  let files = 0;
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        files++;
        const bytes = readFileSync(p);
        for (const s of secrets) {
          if (bytes.includes(Buffer.from(s, "utf8")) || bytes.includes(Buffer.from(s, "utf16le"))) hits.push({ where: p, sample: s });
        }
      }
    }
  };
  walk(dir);
  return { hits, files };
}

/** Searches plain text (logs, command output) line by line. */
export function scanText(label: string, text: string, secrets: readonly string[]): Hit[] {
  return secrets.filter((s) => text.includes(s)).map((s) => ({ where: label, sample: around(text, s) }));
}

function around(text: string, s: string): string {
  const i = text.indexOf(s);
  return text.slice(Math.max(0, i - 80), i + s.length + 40);
}
