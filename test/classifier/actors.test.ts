import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ActorsCsvError, buildActorRegistry, defaultActorRegistry, parseActorsCsv } from "../../classifier/actors.js";
import { realData } from "./helpers.js";

const registry = defaultActorRegistry();

describe("actor registry matching", () => {
  it.each([
    ["Vereniging GroenLinks afdeling Amsterdam", "GroenLinks"],
    ["GroenLinks (Afd. GroenLinks-Midden-Drenthe)", "GroenLinks"],
    ["GroenLinks/PvdA Zeeland", "GroenLinks-PvdA"],
    ["Politieke Partij Democraten 66", "D66"],
    ["Stg Secretariaat CDA", "CDA"],
    ["Partij voor de Dieren t.a.v. afdeling Utrecht", "PvdD"],
    ["SGP Afdeling Krimpen aan den IJssel", "SGP"],
    ["Politieke beweging DENK", "DENK"],
    ["Socialistische Partij", "SP"],
    ["Landelijke Stichting ter bevordering van de Staatkundig Gereformeerde beginselen", "SGP"],
    ["P.v.d.A. Gouda", "PvdA"],
    ["JOVD Utrecht e.o.", "VVD"],
    ["Forum voor Démocratie", "FvD"],
    ["JA21.nl", "JA21"],
  ])("resolves %s to %s", (name, party) => {
    expect(registry.match(name)?.party).toBe(party);
  });

  it.each(["Vereniging Eigen Huis", "ANWB B.V.", "Oxfam Novib", "Naturalis Biodiversity Center", "Gemeente Terneuzen", "Boekhandel Dominicanen", "Domino's Pizza"])(
    "does not treat %s as a political actor",
    (name) => {
      expect(registry.match(name)).toBeUndefined();
    },
  );

  it("recognises an unlisted local party by its name pattern", () => {
    expect(registry.match("Leefbaar Zuidplas")?.actor.kind).toBe("local-party");
  });

  it("treats a branch, its 'Vereniging … afdeling' spelling and the national party as one entity", () => {
    expect(registry.sameEntity("GroenLinks Amsterdam", "Vereniging GroenLinks afdeling Amsterdam")).toBe(true);
    expect(registry.sameEntity("PvdA Gouda", "PvdA")).toBe(true);
    expect(registry.sameEntity("BVNL Zaltbommel", "VDC Group B.V.")).toBe(false);
  });

  it("finds a party named in ad text case-sensitively (DENK the party, not 'ik denk')", () => {
    expect(registry.partyMentionedIn("Stem op 29 oktober DENK")?.party).toBe("DENK");
    expect(registry.partyMentionedIn("Ik denk dat het gaat regenen")).toBeUndefined();
  });
});

const nlAdvertisers = realData("favstats-PS2023-nl-advertisers/nl_advertisers.csv");
describe.skipIf(!nlAdvertisers.exists)("real Dutch advertiser pages", () => {
  it("resolves most party-labelled pages from the 2023 provincial election list to their party", () => {
    const lines = readFileSync(nlAdvertisers.path, "utf8").split("\n").slice(1).filter((l) => /,(VVD|CDA|D66|PvdA|SP|SGP|PVV|DENK),/.test(l));
    const names = lines.map((l) => (l.startsWith('"') ? l.slice(1, l.indexOf('"', 1)) : l.split(",")[0] ?? ""));
    const resolved = names.filter((n) => registry.match(n)?.party);
    expect(names.length).toBeGreaterThan(300);
    expect(resolved.length / names.length).toBeGreaterThan(0.95);
  });
});

const statements = realData("openstate-politiekereclame-nl-statements/statements_snapshot_2025-10.json");
describe.skipIf(!statements.exists)("real politiekereclame.nl sponsors", () => {
  it("recognises the national party sponsors of the TK2025 statements", () => {
    const rows = JSON.parse(readFileSync(statements.path, "utf8")) as Array<{ theme?: string; opdrachtgever_naam_organisatie?: string }>;
    const parties = ["50PLUS", "JA21", "BoerBurgerBeweging", "Volt Nederland", "VVD", "PvdA", "Forum voor Democratie", "SGP", "ChristenUnie", "Nieuw Sociaal Contract"];
    const seen = rows.map((r) => r.opdrachtgever_naam_organisatie?.trim() ?? "").filter((n) => parties.includes(n));
    expect(seen.length).toBeGreaterThan(10);
    for (const n of seen) expect(registry.match(n)?.via, n).toBe("exact");
  });
});

describe("parseActorsCsv", () => {
  it("reads name, party, kind and aliases", () => {
    const rows = parseActorsCsv("name,party,kind,aliases\nLokaal Sterk Oss,,local-party,LSO;Lokaal Sterk\nJan de Vries,VVD,candidate,\n");
    expect(rows).toEqual([
      { name: "Lokaal Sterk Oss", party: null, kind: "local-party", aliases: ["LSO", "Lokaal Sterk"] },
      { name: "Jan de Vries", party: "VVD", kind: "candidate", aliases: [] },
    ]);
    const reg = buildActorRegistry(rows, defaultActorRegistry());
    expect(reg.match("LSO")?.actor.name).toBe("Lokaal Sterk Oss");
    expect(reg.match("Vereniging GroenLinks afdeling Oss")?.party).toBe("GroenLinks");
  });

  it.each([
    ["name,party,kind\nX,,wizard\n", /line 2: column "kind"/],
    ["name,party,kind\nGoed,,party\n,,party\n", /line 3: column "name" is empty/],
    ["naam,partij\nX,Y\n", /line 1: header/],
    ['name,party,kind\n"unclosed,,party\n', /line \d+: not valid CSV/],
  ])("rejects bad input with the line named: %j", (text, message) => {
    expect(() => parseActorsCsv(text)).toThrow(ActorsCsvError);
    expect(() => parseActorsCsv(text)).toThrow(message);
  });
});
