import { sha256 } from "../common/hash.js";
import type { SourceOptions } from "./source.js";

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

/** Normalises a plan's options: full defaults, canonical seed URLs, sorted keys; the token is left out (it is a secret). */
export function normaliseOptions(options: Partial<SourceOptions>, maxPages: number): { options: SourceOptions; params: Record<string, unknown> } {
  const seeds = (options.seeds ?? []).map((s) => (URL.canParse(s) ? new URL(s).href : s));
  const full: SourceOptions = { ...options, seeds, maxPages: options.maxPages ?? maxPages };
  const { token: _token, ...rest } = full;
  return { options: full, params: sortKeys(rest) as Record<string, unknown> };
}

/**
 * The stable key of a crawl command: the same source with the same normalised options gives the same
 * key, so re-running a killed command resumes its run instead of starting over.
 */
export function runKeyOf(source: string, params: Record<string, unknown>, token?: string): string {
  const tokenPart = token ? sha256(token).slice(0, 8) : "";
  return `${source}:${sha256(JSON.stringify(params) + tokenPart).slice(0, 24)}`;
}
