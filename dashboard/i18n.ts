/** Interface languages; Dutch is the default (the regulator's working language). */
export type Lang = "nl" | "en";

const NL = {
  title: "polad — politieke advertenties onder Verordening 2024/900",
  overview: "Overzicht", parties: "Partijen", publishers: "Uitgevers", rules: "Regels", ads: "Advertenties", findings: "Bevindingen",
  adsSeen: "Advertenties gezien", politicalAds: "Politieke advertenties", violations: "Overtredingen", bySeverity: "Overtredingen naar ernst",
  perParty: "Overtredingen per partij", perPublisher: "Overtredingen per uitgever", overTime: "Overtredingen door de tijd per partij",
  sources: "Bronnen: laatste geslaagde run", source: "Bron", lastSuccess: "Laatst geslaagd", lastRun: "Laatste run", status: "Status", freshness: "Actueel", stale: "verouderd", fresh: "ja",
  sameCreative: "Zelfde creatie (ook elders of in een variant gezien)", reprobes: "Later opnieuw bezocht", outcome: "Uitkomst",
  party: "Partij", publisher: "Uitgever", rule: "Regel", severity: "Ernst", review: "Beoordeling", search: "Zoeken", from: "Van", to: "Tot",
  apply: "Filter toepassen", all: "alle", article: "Artikel", message: "Reden", shareCompliant: "Aandeel in orde", firstSeen: "Eerst gezien",
  lastSeen: "Laatst gezien", sponsor: "Sponsor", text: "Tekst", label: "Label zoals getoond", notice: "Transparantieverklaring",
  noticeHistory: "Ophaalgeschiedenis", sightings: "Waarnemingen", evidence: "Bewijsstukken", verified: "klopt", notVerified: "KLOPT NIET",
  missingFile: "bestand ontbreekt", screenshot: "Schermafbeelding", pageShot: "hele pagina", html: "HTML zoals vastgelegd", none: "geen", next: "Volgende", prev: "Vorige",
  page: "Pagina", export: "Exporteren", bundle: "Bewijsbundel (zip)", confirm: "Bevestigen", dismiss: "Verwerpen", reopen: "Heropenen", note: "Notitie",
  reviewedBy: "Beoordeeld door", open: "open", confirmed: "bevestigd", dismissed: "verworpen", political: "Politiek", yes: "ja", no: "nee",
  enforcement: "Handhaving door platforms", banSince: "Verbod sinds", afterBan: "Politieke advertenties na ingang verbod", daysUp: "Dagen online (max)",
  bannedPlatforms: "Gelopen op platforms met een verbod", count: "Aantal", adsOfParty: "Advertenties", notFound: "Niet gevonden",
  login: "Inloggen", token: "Toegangstoken", forbidden: "Geen toegang", page_of: "van", description: "Uitleg", time: "Tijd", url: "Adres",
  statusCode: "HTTP-status", noData: "Nog geen gegevens.", kind: "Soort", bytes: "Bytes", other: "overig", ad: "Advertentie",
  signal: "Handhavingssignaal (geen TTPA-overtreding)", unknownParty: "(onbekend)", decision: "Beslissing", reasons: "Redenen",
};

const EN: Record<keyof typeof NL, string> = {
  title: "polad — political advertising under Regulation 2024/900",
  overview: "Overview", parties: "Parties", publishers: "Publishers", rules: "Rules", ads: "Ads", findings: "Findings",
  adsSeen: "Ads seen", politicalAds: "Political ads", violations: "Violations", bySeverity: "Violations by severity",
  perParty: "Violations per party", perPublisher: "Violations per publisher", overTime: "Violations over time per party",
  sources: "Sources: last successful run", source: "Source", lastSuccess: "Last success", lastRun: "Last run", status: "Status", freshness: "Up to date", stale: "stale", fresh: "yes",
  sameCreative: "Same creative (also seen elsewhere or as a variant)", reprobes: "Visited again later", outcome: "Outcome",
  party: "Party", publisher: "Publisher", rule: "Rule", severity: "Severity", review: "Review", search: "Search", from: "From", to: "To",
  apply: "Apply filter", all: "all", article: "Article", message: "Reason", shareCompliant: "Share compliant", firstSeen: "First seen",
  lastSeen: "Last seen", sponsor: "Sponsor", text: "Text", label: "Label as shown", notice: "Transparency notice",
  noticeHistory: "Fetch history", sightings: "Sightings", evidence: "Evidence", verified: "verifies", notVerified: "DOES NOT VERIFY",
  missingFile: "file missing", screenshot: "Screenshot", pageShot: "whole page", html: "HTML as captured", none: "none", next: "Next", prev: "Previous",
  page: "Page", export: "Export", bundle: "Evidence bundle (zip)", confirm: "Confirm", dismiss: "Dismiss", reopen: "Reopen", note: "Note",
  reviewedBy: "Reviewed by", open: "open", confirmed: "confirmed", dismissed: "dismissed", political: "Political", yes: "yes", no: "no",
  enforcement: "Platform enforcement", banSince: "Ban since", afterBan: "Political ads after the ban began", daysUp: "Days up (max)",
  bannedPlatforms: "Ran on platforms that ban political ads", count: "Count", adsOfParty: "Ads", notFound: "Not found",
  login: "Log in", token: "Access token", forbidden: "Forbidden", page_of: "of", description: "Explanation", time: "Time", url: "Address",
  statusCode: "HTTP status", noData: "No data yet.", kind: "Kind", bytes: "Bytes", other: "other", ad: "Ad",
  signal: "Enforcement signal (not a TTPA breach)", unknownParty: "(unknown)", decision: "Decision", reasons: "Reasons",
};

/** A message key. */
export type MsgKey = keyof typeof NL;

/** Returns the interface text for a key in the given language. */
export function t(lang: Lang, key: MsgKey): string {
  return lang === "en" ? EN[key] : NL[key];
}

/** Reads `?lang=`, falling back to Dutch for anything else. */
export function parseLang(v: unknown): Lang {
  return v === "en" ? "en" : "nl";
}
