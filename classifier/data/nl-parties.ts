/**
 * Dutch national parties, their youth wings and European party groups, with aliases.
 * Compiled from ../shared/data/real/derived-nl-party-reference (Kiesraad TK2023 list names, Facebook page
 * names and Meta disclaimer strings) and from sponsor names seen in the politiekereclame.nl statements
 * (openstate-politiekereclame-nl-statements). Facts only: names and abbreviations.
 */

/** One party row: canonical short name, full names and other spellings, youth wings. */
export interface PartySeed {
  short: string;
  aliases: readonly string[];
  youth?: readonly string[];
  kind?: "party" | "european-party";
}

/** National (and a few regional) Dutch parties as registered with the Kiesraad or seen as advertisers. */
export const NL_PARTIES: readonly PartySeed[] = [
  { short: "VVD", aliases: ["Volkspartij voor Vrijheid en Democratie"], youth: ["JOVD"] },
  { short: "D66", aliases: ["Democraten 66", "Democraten '66"], youth: ["Jonge Democraten"] },
  { short: "CDA", aliases: ["Christen-Democratisch Appèl", "Christen Democratisch Appel", "Secretariaat CDA"], youth: ["CDJA"] },
  { short: "SP", aliases: ["Socialistische Partij", "SP (Socialistische Partij)"], youth: ["ROOD"] },
  { short: "GroenLinks", aliases: ["GL", "Groen Links"], youth: ["DWARS"] },
  { short: "PvdA", aliases: ["Partij van de Arbeid", "Partij van de Arbeid (PvdA)", "P.v.d.A.", "Partij van de Arbeid (P.v.d.A.)"], youth: ["Jonge Socialisten"] },
  {
    short: "GroenLinks-PvdA",
    aliases: ["GL-PvdA", "GL/PvdA", "GroenLinks/PvdA", "GroenLinks PvdA", "GROENLINKS / Partij van de Arbeid (PvdA)", "PvdA-GroenLinks", "PvdA/GroenLinks", "PvdA GroenLinks"],
  },
  { short: "PvdD", aliases: ["Partij voor de Dieren"], youth: ["PINK!"] },
  { short: "ChristenUnie", aliases: ["CU", "Christen Unie"], youth: ["PerspectieF"] },
  { short: "ChristenUnie-SGP", aliases: ["CU-SGP", "ChristenUnie SGP"] },
  {
    short: "SGP",
    aliases: ["Staatkundig Gereformeerde Partij", "Staatkundig Gereformeerde Partij (SGP)", "Landelijke Stichting ter bevordering van de Staatkundig Gereformeerde beginselen"],
    youth: ["SGP-jongeren", "SGPJ"],
  },
  { short: "JA21", aliases: ["JA21.nl", "Juiste Antwoord 21"], youth: ["Jong JA21"] },
  { short: "BBB", aliases: ["BoerBurgerBeweging", "Boer Burger Beweging", "BBB BoerBurgerBeweging"], youth: ["Jong BBB"] },
  { short: "FvD", aliases: ["Forum voor Democratie", "FVD", "Forum voor Democratie -FVD"], youth: ["JFVD"] },
  { short: "DENK", aliases: ["Politieke beweging DENK", "Beweging DENK"] },
  { short: "Volt", aliases: ["Volt Nederland", "Volt Europa"] },
  { short: "50PLUS", aliases: ["50PLUSpartij", "50PLUS Partij", "50+"] },
  { short: "PVV", aliases: ["Partij voor de Vrijheid", "PVV (Partij voor de Vrijheid)", "Geert Wilders"] },
  { short: "BIJ1", aliases: ["BIJ 1"] },
  { short: "BVNL", aliases: ["Belang van Nederland", "BVNL - Belang van Nederland", "Groep Van Haga", "BVNL / Groep Van Haga"] },
  { short: "NSC", aliases: ["Nieuw Sociaal Contract"] },
  { short: "LP", aliases: ["Libertaire Partij", "LP (Libertaire Partij)", "Libertaire Partij - LP"] },
  { short: "LEF", aliases: ["LEF - Voor de Nieuwe Generatie"] },
  { short: "Nederland met een PLAN", aliases: [] },
  { short: "PartijvdSport", aliases: ["Partij voor de Sport"] },
  { short: "Piratenpartij", aliases: ["Piratenpartij - De Groenen", "Piratenpartij Nederland"] },
  { short: "Politieke Partij voor Basisinkomen", aliases: ["Partij voor Basisinkomen"] },
  { short: "Samen voor Nederland", aliases: [] },
  { short: "Splinter", aliases: [] },
  { short: "Code Oranje", aliases: [] },
  { short: "FNP", aliases: ["Fryske Nasjonale Partij"] },
  { short: "Leefbaar Rotterdam", aliases: [] },
  { short: "EPP", aliases: ["European People's Party", "EPP Group", "EPP Group in the European Parliament"], kind: "european-party" },
  { short: "S&D", aliases: ["S&D Group", "Socialists and Democrats", "Socialists & Democrats"], kind: "european-party" },
  { short: "ALDE", aliases: ["ALDE Party", "ALDE Group", "Alliance of Liberals and Democrats for Europe"], kind: "european-party" },
  { short: "Renew Europe", aliases: [], kind: "european-party" },
  { short: "Greens/EFA", aliases: ["European Green Party", "The Greens/EFA"], kind: "european-party" },
  { short: "ECR", aliases: ["ECR Group", "ECR Fractie", "ECR Fractie Europees Parlement"], kind: "european-party" },
];
