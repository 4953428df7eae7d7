/** Escapes text for HTML. */
function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What a sandbox notice needs to know about its ad. */
export interface NoticeFacts { id: string; sponsor: string; domain: string; start: string; stop: string | null; targeting: string | null }

function row(term: string, value: string): string {
  return `<dt>${esc(term)}</dt><dd>${esc(value)}</dd>`;
}

/**
 * A sandbox transparency notice, laid out after the items of the
 * Commission's template (Implementing Reg. 2025/1410) as politiekereclame.nl statements fill them. The
 * incomplete variant leaves out the sponsor's e-mail, the amounts, their origin and the method.
 */
export function transparencyNotice(ad: NoticeFacts, complete: boolean): string {
  const sponsor = ad.sponsor;
  const rows = [
    row("Opdrachtgever", sponsor),
    complete ? row("E-mailadres opdrachtgever", `secretariaat@${ad.domain}`) : "",
    row("Adres van vestiging", "Postbus 1200, 3500 BE Utrecht"),
    row("Betalende partij", sponsor),
    row("Campagneperiode", `${ad.start} tot en met ${ad.stop ?? "onbepaald"}`),
    complete ? row("Betaalde mediawaarde (deze advertentie)", "€ 1.250") : "",
    complete ? row("Totale waarde campagne", "€ 8.400") : "",
    complete ? row("Herkomst van de bedragen", "Particulier, binnen de Europese Unie (contributies van leden)") : "",
    complete ? row("Berekeningsmethode", "Factuurbedrag van de uitgever inclusief btw") : "",
    row("Gerelateerde verkiezing", "Gemeenteraadsverkiezingen 18 maart 2026"),
    row("Officiële informatie over stemmen", "https://www.kiesraad.nl/verkiezingen/gemeenteraden"),
    row("Europese databank", "De Europese databank voor online politieke advertenties is nog niet beschikbaar."),
    row("Melden van een mogelijk onrechtmatige advertentie", "meldpunt@politiekereclame.example of via het formulier op deze pagina"),
    row("Eerdere publicatie geschorst of beëindigd", "Nee"),
    row("Gebruikte targeting technieken", ad.targeting ? `Ja: ${ad.targeting}` : "Nee, geen targeting op basis van persoonsgegevens"),
    row("Uw rechten (AVG)", `U kunt inzage, rectificatie en bezwaar vragen via privacy@${ad.domain}`),
  ].join("");
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Transparantieverklaring politieke advertentie</title></head>
<body><main><h1>Transparantieverklaring politieke advertentie</h1><p>Advertentie ${esc(ad.id)} van ${esc(sponsor)}</p><dl>${rows}</dl></main></body></html>`;
}
