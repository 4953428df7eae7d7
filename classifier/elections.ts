import { z } from "zod";
import { foldText } from "./normalize.js";

/** Kinds of vote polad tells apart when it compares the election named in an ad with the one in its notice. */
export type ElectionKind = "municipal" | "national" | "senate" | "provincial" | "water-board" | "european" | "referendum";

/** One election or referendum in the calendar that drives the Art. 5(2) three-month windows. */
export interface Election {
  id: string;
  country: string;
  kind: ElectionKind;
  name: string;
  /** Polling day, YYYY-MM-DD (Europe/Amsterdam for NL). */
  date: string;
  /** Where the date comes from, and whether it is confirmed ("S": secondary source, "U": expected, not confirmed). */
  source: string;
  status: "P" | "S" | "U";
}

/**
 * Dutch elections preloaded (reference §4.2). Dates marked "U" follow the statutory cycle and must be checked
 * against the Kiesraad or the Commission's election-dates portal before they are relied on; override the calendar
 * through ClassifyContext.elections.
 */
export const NL_ELECTIONS: readonly Election[] = [
  { id: "nl-ps-ws-2023", country: "NL", kind: "provincial", name: "Provinciale Staten- en waterschapsverkiezingen 2023", date: "2023-03-15", source: "ttpa-regulation.md §4.2 (15 March 2023)", status: "S" },
  { id: "nl-tk-2023", country: "NL", kind: "national", name: "Tweede Kamerverkiezing 2023", date: "2023-11-22", source: "Kiesraad; favstats TK2023 data set in ../shared/data/real", status: "S" },
  { id: "nl-ep-2024", country: "NL", kind: "european", name: "Europees Parlementsverkiezing 2024", date: "2024-06-06", source: "Kiesraad (NL voted on Thursday 6 June 2024)", status: "S" },
  { id: "nl-tk-2025", country: "NL", kind: "national", name: "Tweede Kamerverkiezing 2025", date: "2025-10-29", source: "ttpa-regulation.md §4.2 (whodis.org)", status: "S" },
  { id: "nl-gr-2026", country: "NL", kind: "municipal", name: "Gemeenteraadsverkiezingen 2026", date: "2026-03-18", source: "ttpa-regulation.md §4.2 (multiple news sources)", status: "S" },
  { id: "nl-ps-ws-2027", country: "NL", kind: "provincial", name: "Provinciale Staten- en waterschapsverkiezingen 2027", date: "2027-03-17", source: "four-year cycle after 15 March 2023; exact date unconfirmed (ttpa-regulation.md §4.2)", status: "U" },
  { id: "nl-ep-2029", country: "NL", kind: "european", name: "Europees Parlementsverkiezing 2029", date: "2029-06-07", source: "five-year cycle after June 2024; exact date unconfirmed (ttpa-regulation.md §4.2)", status: "U" },
];

const DAY = 86_400_000;

const KINDS = ["municipal", "national", "senate", "provincial", "water-board", "european", "referendum"] as const;

/** Schema of one calendar entry in a user's config file (JSON array); `status` defaults to "S". */
export const electionSchema = z.object({
  id: z.string().min(1).max(100),
  country: z.string().regex(/^[A-Za-z]{2}$/, "two-letter country code"),
  kind: z.enum(KINDS),
  name: z.string().min(1).max(200),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "not a real date"),
  source: z.string().min(1).max(500),
  status: z.enum(["P", "S", "U"]).default("S"),
});

/**
 * Read an election calendar from parsed JSON (for `ClassifyContext.elections`). Throws an Error naming the entry and
 * the field on bad input; nothing partial is returned.
 */
export function parseElections(value: unknown): Election[] {
  const parsed = z.array(electionSchema).max(10_000).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`election calendar: ${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid"}`);
  }
  return parsed.data;
}

/** Start of the Art. 5(2) window: the same day three calendar months before polling day (UTC midnight). */
export function windowStart(e: Election): Date {
  const [y, m, d] = e.date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 - 3, d));
}

/**
 * The elections of a country whose Art. 5(2) three-month window (up to and including polling day) overlaps the
 * time the ad was seen, from `from` to `to`; nearest first.
 */
export function electionsInWindow(calendar: readonly Election[], country: string, from: Date, to: Date = from): Election[] {
  return calendar
    .filter((e) => e.country.toUpperCase() === country.toUpperCase())
    .filter((e) => to.getTime() >= windowStart(e).getTime() && from.getTime() < Date.parse(`${e.date}T00:00:00Z`) + DAY)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

const KIND_PATTERNS: ReadonlyArray<[ElectionKind, RegExp]> = [
  ["municipal", /gemeenteraad|raadsverkiezing|\bgr ?20\d\d|municipal|kommunalwahl|gemeinderat|stadtrat|municipales|local election/],
  ["senate", /eerste kamer|senate|senat/],
  ["national", /tweede kamer|\btk ?20\d\d|parlementsverkiezing(?! europ)|general election|bundestag|legislatives|national election/],
  ["provincial", /provinciale staten|statenverkiezing|\bps ?20\d\d|provincial|landtag/],
  ["water-board", /waterschap/],
  ["european", /europe\w* (parlement|verkiezing|election)|europawahl|european parliament|europeennes|\bep ?20\d\d|europese verkiezing/],
  ["referendum", /referend|volksraadpleging|volksabstimmung|volksentscheid/],
];

/** The kinds of vote and the years a text names ("Gemeenteraadsverkiezingen 2026" → municipal, 2026). */
export function electionKey(text: string): { kinds: ElectionKind[]; years: string[] } {
  const folded = foldText(text.slice(0, 2000));
  const kinds = KIND_PATTERNS.filter(([, re]) => re.test(folded)).map(([k]) => k);
  const years = [...new Set([...folded.matchAll(/\b(20\d\d)\b/g)].map((m) => m[1] as string))];
  return { kinds, years };
}

/** True when two texts clearly name different votes: both name a kind and none is shared, or both a year and none is shared. */
export function differentElections(a: string, b: string): boolean {
  const ka = electionKey(a);
  const kb = electionKey(b);
  const disjoint = <T>(x: T[], y: T[]): boolean => x.length > 0 && y.length > 0 && !x.some((v) => y.includes(v));
  // The provincial and water-board elections fall on one day: naming either counts as the same vote.
  const merge = (k: ElectionKind[]): ElectionKind[] => k.map((v) => (v === "water-board" ? "provincial" : v));
  return disjoint(merge(ka.kinds), merge(kb.kinds)) || disjoint(ka.years, kb.years);
}
