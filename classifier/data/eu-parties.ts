import type { PartySeed } from "./nl-parties.js";

/**
 * Belgian parties (Flemish and francophone), so that a Dutch-language ad from Belgium that names one counts as naming a
 * party (limb (b)). Facts only: names and abbreviations. Left out on purpose: Groen and the bare "Vooruit" (ordinary
 * Dutch words at the start of a sentence), PVDA (after case folding it is the Dutch PvdA's key), and the bare "PS"
 * and "MR" (postscript, "Mr."): their full names are listed instead. Ecolo and DéFI are left out too: a one-word
 * party key inside a sponsor name makes it a branch of that party ("Défi Sport B.V."), and both are common words.
 */
export const BE_PARTIES: readonly PartySeed[] = [
  { short: "N-VA", aliases: ["Nieuw-Vlaamse Alliantie"], youth: ["Jong N-VA"] },
  { short: "CD&V", aliases: ["Christen-Democratisch en Vlaams"], youth: ["Jong CD&V"] },
  { short: "Open Vld", aliases: ["Open VLD", "Open-Vld", "Open Vlaamse Liberalen en Democraten"], youth: ["Jong VLD"] },
  { short: "sp.a", aliases: ["SP.A", "Socialistische Partij Anders", "Vooruit (sp.a)"], youth: ["Jongsocialisten"] },
  { short: "Vlaams Belang", aliases: [], youth: ["Vlaams Belang Jongeren"] },
  { short: "PTB-PVDA", aliases: ["PTB", "Partij van de Arbeid van België", "Parti du Travail de Belgique"] },
  { short: "Les Engagés", aliases: ["cdH", "Centre démocrate humaniste"] },
  { short: "Mouvement Réformateur", aliases: [] },
  { short: "Parti Socialiste", aliases: [] },
];

/** German federal parties (the text model is trained on German party posts too). The bare "Grüne"/"Linke" are words. */
export const DE_PARTIES: readonly PartySeed[] = [
  { short: "CDU", aliases: ["Christlich Demokratische Union"], youth: ["Junge Union"] },
  { short: "CSU", aliases: ["Christlich-Soziale Union"] },
  { short: "SPD", aliases: ["Sozialdemokratische Partei Deutschlands"], youth: ["Jusos"] },
  { short: "FDP", aliases: ["Freie Demokratische Partei"], youth: ["Junge Liberale"] },
  { short: "AfD", aliases: ["Alternative für Deutschland"] },
  { short: "Bündnis 90/Die Grünen", aliases: ["Bündnis 90 / Die Grünen", "Die Grünen"], youth: ["Grüne Jugend"] },
  { short: "Die Linke", aliases: ["DIE LINKE"] },
  { short: "BSW", aliases: ["Bündnis Sahra Wagenknecht"] },
];
