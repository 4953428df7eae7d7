/**
 * Labelled text sets for training and evaluating the text model (build/eval time only: reads files, never
 * imported by classify()). All from ../shared/data/real; ProPublica's sets are MIT-licensed, so weights
 * derived from them may be shipped. Each seed text's trailing page URL is removed: it names the label's source.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { htmlToText } from "../normalize.js";

/** One labelled example. */
export interface Example {
  text: string;
  political: boolean;
  set: string;
}

/** Folder holding the shared real material, relative to the repository root. */
export function realDir(repoRoot: string): string {
  return path.resolve(repoRoot, "../shared/data/real");
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8")) as unknown;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

const clean = (t: string): string => t.replace(/https?:\/\/\S+/g, " ").trim();

/** FNV-1a hash of a text: the deterministic train/test split key. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** True for the 20 % of examples held out for evaluation (never trained on). */
export function isHeldOut(text: string): boolean {
  return fnv1a(text) % 5 === 0;
}

/** Page-labelled seed posts: nl-BE (Dutch), German and English (ProPublica, MIT). */
export function seedExamples(real: string): Example[] {
  const pp = path.join(real, "propublica-facebook-political-ads");
  const out: Example[] = [];
  const add = (list: string[], political: boolean, set: string): void => {
    for (const t of list.map(clean)) if (t.length >= 20) out.push({ text: t, political, set });
  };
  const nl = readJson(path.join(pp, "classifier-seeds/nl-BE_seeds.json")) as { political?: unknown; not_political?: unknown };
  add(strings(nl.political), true, "nl-BE seeds");
  add(strings(nl.not_political), false, "nl-BE seeds");
  add(strings(readJson(path.join(pp, "classifier-experiments/political_german.json"))), true, "de seeds");
  add(strings(readJson(path.join(pp, "classifier-experiments/not_political_german.first1500.json"))), false, "de seeds");
  add(strings(readJson(path.join(pp, "classifier-experiments/political.json"))), true, "en seeds");
  add(strings(readJson(path.join(pp, "classifier-experiments/not_political.json"))), false, "en seeds");
  return out;
}

/** Real ads with human votes (never used for training): German feed ads 2017 and ProPublica's collected English ads. */
export function votedAdExamples(real: string): Example[] {
  const pp = path.join(real, "propublica-facebook-political-ads");
  const out: Example[] = [];
  const rows = parse(readFileSync(path.join(pp, "classifier-experiments/german_ads.csv"), "utf8"), { relax_column_count: true }) as string[][];
  for (const r of rows) {
    const pol = Number(r[2]);
    const not = Number(r[3]);
    const text = `${r[5] ?? ""}\n${htmlToText(r[6] ?? "")}`.trim();
    if (text.length >= 10 && pol !== not) out.push({ text, political: pol > not, set: "de voted ads" });
  }
  for (const f of ["extension_tests_ads.json", "server_public_tests_ads.json"]) {
    const data = readJson(path.join(pp, "collected-ads", f)) as { ads?: Array<Record<string, unknown>> };
    for (const a of data.ads ?? []) {
      const pol = Number(a.political);
      const not = Number(a.not_political);
      const text = `${String(a.title ?? "")}\n${htmlToText(String(a.message ?? ""))}`.trim();
      if (text.length >= 10 && pol !== not) out.push({ text, political: pol > not, set: "en voted ads" });
    }
  }
  return out;
}

/** Dutch ad messages: TK2023 Meta ads (all political) and politiekereclame.nl messages (all filed as political ads). */
export function dutchAdExamples(real: string): Example[] {
  const out: Example[] = [];
  const tk = path.join(real, "favstats-TK2023-nl-ad-texts/tk2023_meta_ads_nl_text_sample.json");
  if (existsSync(tk)) for (const r of readJson(tk) as Array<{ text_nl?: string }>) if (r.text_nl) out.push({ text: r.text_nl, political: true, set: "nl TK2023 ads" });
  const dir = path.join(real, "openstate-politiekereclame-nl-statements");
  for (const f of ["statements_snapshot_2025-10.json", "statements_newer_2025-11_to_2026-07_sample10.json"]) {
    for (const r of readJson(path.join(dir, f)) as Array<{ reclame_boodschap?: string }>) {
      if (r.reclame_boodschap && r.reclame_boodschap.trim().length >= 10) out.push({ text: r.reclame_boodschap, political: true, set: "nl politiekereclame.nl messages" });
    }
  }
  return out;
}
