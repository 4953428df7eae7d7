import { actorKey, actorTokens } from "./actor-key.js";
import { BE_PARTIES, DE_PARTIES } from "./data/eu-parties.js";
import { NL_PARTIES } from "./data/nl-parties.js";
import { NL_ACTOR_SEED } from "./data/nl-actor-seed.js";

export { parseActorsCsv, ActorsCsvError } from "./actors-csv.js";

/** What sort of political actor (Art. 3(4)) a registry entry is. */
export type ActorKind = "party" | "branch" | "local-party" | "youth-wing" | "candidate" | "european-party" | "political-org";

/** The actor kinds accepted in an import file. */
export const ACTOR_KINDS: readonly ActorKind[] = ["party", "branch", "local-party", "youth-wing", "candidate", "european-party", "political-org"];

/** One registry row as imported; `party` is the national party it belongs to (the short name), if any. */
export interface ActorRow {
  name: string;
  party: string | null;
  kind: ActorKind;
  aliases: string[];
}

/** What the registry accepts: an imported row, a stored row (kind as text) or a seed row. Unknown kinds count as "political-org". */
export interface ActorInput {
  name: string;
  party?: string | null;
  kind: string;
  aliases?: readonly string[];
}

/** A known political actor. */
export interface Actor {
  name: string;
  party: string | null;
  kind: ActorKind;
}

/** How a name was recognised: exact name/alias, a party name followed or preceded by a place, or a local-party pattern. */
export interface ActorMatch {
  actor: Actor;
  party: string | null;
  via: "exact" | "branch" | "pattern";
}

const LOCAL_PARTY_TOKEN = /^(leefbaar|lokaal|gemeentebelang(en)?|burgerbelang(en)?|dorpsbelang(en)?|stadsbelang(en)?|\p{L}*belang(en)?|\p{L}*partij|lijst|onafhankelijk)$/u;
const AUTHORITY_TOKEN = /^(gemeente|provincie|ministerie|rijksoverheid|waterschap|kiesraad|hoogheemraadschap)$/;

/**
 * A lookup of political actors by normalised name. Resolves exact names and aliases, local branches
 * ("Vereniging GroenLinks afdeling Amsterdam" → GroenLinks) and recognisable local-party names.
 */
export class ActorRegistry {
  private readonly byKey = new Map<string, Actor>();
  private readonly partyKeys = new Map<string, Actor>();
  private maxPartyTokens = 1;

  /** The rows this registry was built from, so that it can be extended. */
  readonly rows: readonly ActorInput[];

  constructor(rows: readonly ActorInput[]) {
    this.rows = rows;
    for (const row of rows) this.add(row);
  }

  /** Number of distinct name keys known. */
  get size(): number {
    return this.byKey.size;
  }

  private add(row: ActorInput): void {
    const kind: ActorKind = (ACTOR_KINDS as readonly string[]).includes(row.kind) ? (row.kind as ActorKind) : "political-org";
    const actor: Actor = { name: row.name, party: row.party ?? (kind === "party" || kind === "european-party" ? row.name : null), kind };
    for (const name of [row.name, ...(row.aliases ?? [])]) {
      const key = actorKey(name);
      if (key.length < 2 || /^\d+$/.test(key)) continue;
      this.byKey.set(key, actor);
      if (kind === "party" || kind === "european-party" || kind === "youth-wing") {
        this.partyKeys.set(key, actor);
        this.maxPartyTokens = Math.max(this.maxPartyTokens, key.split(" ").length);
      }
    }
  }

  private mentionRe: RegExp | undefined;

  /**
   * The first party (or youth wing) named in free text, matched case-sensitively on its written forms so that
   * "DENK" the party is found but "ik denk" is not. Bounded to the first 20 000 characters.
   */
  partyMentionedIn(text: string): Actor | undefined {
    this.mentionRe ??= this.buildMentionRe();
    const m = this.mentionRe.exec(text.slice(0, 20_000));
    return m ? this.partyKeys.get(actorKey(m[0])) : undefined;
  }

  private buildMentionRe(): RegExp {
    const forms = new Set<string>();
    for (const row of this.rows) {
      if (row.kind !== "party" && row.kind !== "youth-wing" && row.kind !== "european-party") continue;
      for (const name of [row.name, ...(row.aliases ?? [])]) {
        const key = actorKey(name);
        if (name.length >= 2 && this.partyKeys.has(key) && !/^\d+$/.test(key)) forms.add(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      }
    }
    const alternatives = [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|") || "(?!)"})(?![\\p{L}\\p{N}])`, "u");
  }

  /** Resolve a sponsor or page name; undefined when it is not a known or recognisable political actor. */
  match(name: string | null | undefined): ActorMatch | undefined {
    if (!name) return undefined;
    const key = actorKey(name);
    if (key.length < 2) return undefined;
    const tokens = key.split(" ");
    if (tokens.some((t) => AUTHORITY_TOKEN.test(t)) && !this.byKey.has(key)) return undefined;
    const exact = this.byKey.get(key);
    if (exact) return { actor: exact, party: exact.party, via: "exact" };
    const branch = this.findPartyInside(tokens);
    if (branch) return { actor: { name, party: branch.party, kind: "branch" }, party: branch.party, via: "branch" };
    if (tokens.some((t) => LOCAL_PARTY_TOKEN.test(t))) {
      return { actor: { name, party: null, kind: "local-party" }, party: null, via: "pattern" };
    }
    return undefined;
  }

  /** The longest party name (in tokens) that appears as a contiguous run inside the name. */
  private findPartyInside(tokens: readonly string[]): Actor | undefined {
    for (let len = Math.min(this.maxPartyTokens, tokens.length); len >= 1; len--) {
      for (let start = 0; start + len <= tokens.length; start++) {
        const hit = this.partyKeys.get(tokens.slice(start, start + len).join(" "));
        if (hit) return hit;
      }
    }
    return undefined;
  }

  /**
   * True when two names denote the same entity: equal keys, one name contained in the other, or both
   * resolving to the same party (a local branch and its national party count as the same).
   */
  sameEntity(a: string, b: string): boolean {
    const ka = actorKey(a);
    const kb = actorKey(b);
    if (ka === kb) return true;
    if (containsTokens(actorTokens(a), actorTokens(b)) || containsTokens(actorTokens(b), actorTokens(a))) return true;
    const pa = this.match(a)?.party;
    const pb = this.match(b)?.party;
    return pa != null && pb != null && (pa === pb || partiesOverlap(pa, pb));
  }
}

function containsTokens(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  const h = ` ${haystack.join(" ")} `;
  return h.includes(` ${needle.join(" ")} `);
}

// Joint lists count as the same sponsor as their member parties (GroenLinks-PvdA ads paid by PvdA).
function partiesOverlap(a: string, b: string): boolean {
  const parts = (p: string): string[] => p.toLowerCase().split(/[-/]/);
  return parts(a).some((x) => parts(b).includes(x));
}

/**
 * Build a registry from rows (e.g. the output of `parseActorsCsv` or the stored actor table), optionally on top
 * of a base registry such as `defaultActorRegistry()`. Later rows win over the base for the same name.
 */
export function buildActorRegistry(rows: readonly ActorInput[], base?: ActorRegistry): ActorRegistry {
  return new ActorRegistry(base ? [...base.rows, ...rows] : rows);
}

let cached: ActorRegistry | undefined;

/** The built-in registry: Dutch political actors (national parties, youth wings, branches, local parties, candidates) and the Belgian and German parties. */
export function defaultActorRegistry(): ActorRegistry {
  cached ??= new ActorRegistry(seedRows());
  return cached;
}

function seedRows(): ActorInput[] {
  const rows: ActorInput[] = [];
  for (const p of [...NL_PARTIES, ...BE_PARTIES, ...DE_PARTIES]) {
    rows.push({ name: p.short, party: p.short, kind: p.kind ?? "party", aliases: p.aliases });
    for (const y of p.youth ?? []) rows.push({ name: y, party: p.short, kind: "youth-wing" });
  }
  for (const [name, party, kind] of NL_ACTOR_SEED) rows.push({ name, party: party || null, kind });
  return rows;
}
