/**
 * Sponsors found in politiekereclame.nl statements as actor rows for `upsertActors`. Political actors
 * (parties, their branches, local parties, groups in parliament) are told apart from issue advertisers
 * (NGOs, associations, companies) by name patterns and the Kiesraad registration number; the crawler
 * may not import the classifier's registry, so the national party names are listed here.
 */
import type { ActorRow } from "../../../store/queries/actors.js";
import type { Statement } from "./schema.js";

/** National party short names and the written forms that name them (matched as whole words). */
const PARTIES: Array<[string, RegExp]> = [
  ["GL-PvdA", /\b(groenlinks ?[-/] ?pvda|gl ?[-/] ?pvda)\b/i],
  ["VVD", /\b(vvd|volkspartij voor vrijheid en democratie)\b/i],
  ["PVV", /\b(pvv|partij voor de vrijheid)\b/i],
  ["NSC", /\b(nsc|nieuw sociaal contract)\b/i],
  ["BBB", /\b(bbb|boerburgerbeweging|boer ?burger ?beweging)\b/i],
  ["D66", /\b(d66|democraten 66)\b/i],
  ["CDA", /\b(cda|christen[- ]democratisch app[eè]l)\b/i],
  ["SP", /\b(sp|socialistische partij)\b/i],
  ["PvdA", /\b(pvda|partij van de arbeid)\b/i],
  ["GroenLinks", /\bgroenlinks\b/i],
  ["FvD", /\b(fvd|forum voor democratie)\b/i],
  ["PvdD", /\b(pvdd|partij voor de dieren)\b/i],
  ["ChristenUnie", /\b(christenunie|cu)\b/i],
  ["SGP", /\b(sgp|staatkundig gereformeerde (partij|beginselen))\b/i],
  ["DENK", /\bdenk\b/],
  ["Volt", /\bvolt\b/i],
  ["JA21", /\bja21\b/i],
  ["50PLUS", /\b50 ?plus\b/i],
  ["BVNL", /\bbvnl\b/i],
  ["BIJ1", /\bbij1\b/i],
  ["FNP", /\bfnp\b/],
  ["PINK!", /\bpink!/i],
];

const LOCAL_PARTY = /\b(partij|lokaal|leefbaar|\p{L}*belang(en)?|burgerbelang(en)?|stadspartij|gemeentebelang(en)?|onafhankelijk|beweging|fractie|afdeling|afd\.)\b/iu;
const NOT_POLITICAL_ORG = /\b(b\.?v\.?|n\.?v\.?|stichting|stg|vereniging|foundation|bond|museum|center|centre|gemeente|provincie)\b/i;

/** Words around a national party's name that do not make it a branch ("Politieke Partij D66", "Volt Nederland"). */
const NATIONAL_WORDS = /\b(politieke|partij|beweging|nederland|stg|secretariaat)\b/gi;

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, " ").trim();
const key = (s: string) => norm(s).toLowerCase();

/** The national party a sponsor name names, if any. */
export function partyOfSponsor(name: string): string | null {
  return PARTIES.find(([, re]) => re.test(name))?.[0] ?? null;
}

/** Whether a statement's sponsor is a political actor (party, branch, local party) rather than an issue advertiser. */
function actorRow(name: string, s: Statement): ActorRow | null {
  const party = partyOfSponsor(name);
  const registered = Boolean(s.opdrachtgever_registratienummer_kiesraad?.trim());
  if (party) {
    const rest = name.replace(PARTIES.find(([p]) => p === party)![1], " ").replace(NATIONAL_WORDS, " ").replace(/[^\p{L}\p{N}]+/gu, "");
    return { name, party, kind: rest === "" ? "party" : "branch", aliases: [] };
  }
  const municipal = /gemeenteraad/i.test(`${s.theme_link?.label ?? ""} ${s.theme ?? ""}`);
  if (registered || ((LOCAL_PARTY.test(name) || municipal) && !NOT_POLITICAL_ORG.test(name))) return { name, party: null, kind: "local-party", aliases: [] };
  return null;
}

function sponsorName(s: Statement): string | null {
  const n = norm(s.opdrachtgever_naam_organisatie ?? s.organization_created?.name ?? "");
  return n.length >= 2 ? n.slice(0, 300) : null;
}

/**
 * Political actors named as sponsor in the statements, one row per distinct name (case and spacing
 * folded), the platform's account name kept as an alias when it differs. Rows go to `upsertActors`.
 */
export function statementsToActors(statements: readonly Statement[]): ActorRow[] {
  const rows = new Map<string, ActorRow>();
  for (const s of statements) {
    const name = sponsorName(s);
    if (!name) continue;
    const row = rows.get(key(name)) ?? actorRow(name, s);
    if (!row) continue;
    const account = norm(s.organization_created?.name ?? "");
    if (account && key(account) !== key(row.name) && !row.aliases.some((a) => key(a) === key(account))) row.aliases.push(account);
    rows.set(key(name), row);
  }
  return [...rows.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * Sponsors of statements that are not political actors (NGOs, associations, companies): issue
 * advertisers. Kept apart because the actor registry treats any row as a political actor.
 */
export function statementIssueAdvertisers(statements: readonly Statement[]): string[] {
  const names = new Map<string, string>();
  for (const s of statements) {
    const name = sponsorName(s);
    if (name && !actorRow(name, s)) names.set(key(name), name);
  }
  return [...names.values()].sort();
}
