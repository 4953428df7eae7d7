import { describe, expect, it } from "vitest";
import { classify } from "../../classifier/classify.js";
import { NOW, compliantAd } from "./helpers.js";

const notice = compliantAd().notice as Record<string, unknown>;
const URL_ = "https://politiekereclame.nl/transparantie-verklaringen/abc123";
const findingOf = (ad: Record<string, unknown>, rule: string, ctx: Record<string, unknown> = {}) =>
  classify(compliantAd(ad), { now: NOW, ...ctx }).findings.find((f) => f.rule === rule);
const unreachable = (ad: Record<string, unknown>) => findingOf(ad, "ttpa.11-1-e.notice-unreachable");
const incomplete = (ad: Record<string, unknown>, ctx: Record<string, unknown> = {}) => findingOf(ad, "ttpa.12-1.notice-incomplete", ctx);

const loginPage = `<html><body><h1>Mijn account</h1><form><label>E-mail</label><input name="u"><label>Wachtwoord</label><input type="password" name="p"><button>Inloggen</button></form></body></html>`;
const cookieWall = `<html><body><div class="consent"><h2>Wij gebruiken cookies</h2><p>Om deze site te bekijken moet u cookies accepteren.</p><button>Alle cookies accepteren</button></div></body></html>`;
const homePage = `<html><body><h1>Welkom bij D66 Amsterdam</h1><p>Word lid en doe mee!</p><a href="/nieuws">Nieuws</a></body></html>`;
const noticePageWithBanner = `<html><body><div>Wij gebruiken cookies. <button>Accepteren</button></div><h1>Transparantieverklaring</h1>
<p>Opdrachtgever: Vereniging D66 afdeling Amsterdam</p><p>E-mail: info@example.org</p><p>Adres: Keizersgracht 1, 1015 AA Amsterdam</p>
<p>Periode: 2026-02-01 tot 2026-03-18</p><p>Bedragen: € 1.000</p><p>Herkomst: particulier, binnen de EU</p><p>Verkiezing: Gemeenteraadsverkiezingen 2026</p><p>Targeting: geen</p></body></html>`;

describe("notice availability (ttpa.11-1-e.notice-unreachable)", () => {
  it("flags a notice link that ends on a login wall", () => {
    expect(unreachable({ notice: loginPage, notice_content_type: "text/html" })?.message).toMatch(/login wall/);
  });
  it("flags a notice link that ends on a cookie wall", () => {
    expect(unreachable({ notice: cookieWall })?.message).toMatch(/cookie wall/);
  });
  it("flags a notice link redirected to the home page", () => {
    expect(unreachable({ notice: homePage, notice_final_url: "https://amsterdam.d66.nl/" })?.message).toMatch(/home page https:\/\/amsterdam\.d66\.nl\//);
  });
  it("flags a redirect to the home page even when the crawler kept no body", () => {
    expect(unreachable({ notice: null, notice_url: "https://d66.nl/transparantie/gr2026", notice_final_url: "https://d66.nl/" })?.message).toMatch(/home page/);
  });
  it("flags a politiekereclame.nl link that returns another campaign's statement", () => {
    expect(unreachable({ notice: { ...notice, public_id: "zzz999" } })?.message).toMatch(/another campaign \(id zzz999, the link asks for abc123\)/);
  });
  it("flags a notice about another election than the one the label names", () => {
    const f = unreachable({ notice: { ...notice, public_id: "abc123", theme: "Tweede Kamerverkiezing 2025" } });
    expect(f?.message).toMatch(/another campaign.*Tweede Kamerverkiezing 2025/);
  });
  it("accepts a real notice page that also shows a cookie banner", () => {
    expect(unreachable({ notice: noticePageWithBanner, notice_url: "https://d66.nl/transparantie/gr2026" })).toBeUndefined();
  });
  it("accepts the same election spelled differently (Gemeenteraadsverkiezing vs gemeenteraadsverkiezingen 2026)", () => {
    expect(unreachable({ notice: { ...notice, public_id: "abc123", theme: "Gemeenteraadsverkiezing 2026" } })).toBeUndefined();
  });
  it("accepts a link whose notice is this ad's", () => {
    expect(unreachable({ notice_url: URL_, notice: { ...notice, public_id: "abc123" } })).toBeUndefined();
  });
});

describe("'n.v.t.' only where the law says 'where applicable' (ttpa.12-1.notice-incomplete)", () => {
  it("refuses n.v.t. for the amounts, an unconditional element", () => {
    expect(incomplete({ notice: { ...notice, betaalde_media_waarde_euro: "n.v.t.", totale_waarde_campagne_euro: "n.v.t." } })?.message).toMatch(/amounts spent.*n\.v\.t\..*without condition/);
  });
  it("accepts n.v.t. for the controlling entity and the payer", () => {
    expect(incomplete({ notice: { ...notice, gezaghebbende_naam_organisatie: "n.v.t.", betalende_naam_organisatie: "n.v.t." } })).toBeUndefined();
  });
  it("refuses n.v.t. for targeting when the ad was targeted", () => {
    const f = incomplete({ notice: { ...notice, gebruikte_targeting_techniek: "n.v.t." }, targeting: { age: "18-34" }, label: `${String(compliantAd().label)} Gericht getoond.` });
    expect(f?.message).toMatch(/targeting.*n\.v\.t\..*although targeting was used/);
  });
  it("accepts n.v.t. for targeting when none was used", () => {
    expect(incomplete({ notice: { ...notice, gebruikte_targeting_techniek: "n.v.t." } })).toBeUndefined();
  });
  it("refuses n.v.t. for the election when the ad calls to vote on 18 March", () => {
    expect(incomplete({ notice: { ...notice, theme: "n.v.t." } })?.message).toMatch(/election.*n\.v\.t\..*linked to a vote/);
  });
  it("reads n.v.t. from an HTML notice's labelled fields", () => {
    const html = noticePageWithBanner.replace("€ 1.000", "n.v.t.");
    expect(incomplete({ notice: html, notice_url: "https://d66.nl/transparantie/gr2026" })?.message).toMatch(/amounts.*without condition/);
  });
});

describe("repository link (Art. 12(1)(i)) only once the European repository is live", () => {
  it("does not ask for it while the repository is not live (no date configured)", () => {
    expect(incomplete({})).toBeUndefined();
  });
  it("does not ask for it for an ad seen before the configured date", () => {
    expect(incomplete({}, { repositoryLiveFrom: new Date("2026-10-01T00:00:00Z") })).toBeUndefined();
  });
  it("asks for it for an ad seen after the configured date", () => {
    expect(incomplete({}, { repositoryLiveFrom: new Date("2026-01-01T00:00:00Z") })?.message).toMatch(/European repository/);
  });
  it("accepts a notice that links to the repository", () => {
    const linked = { ...notice, relevante_links: "https://political-advertising.ec.europa.eu/repository/ad/123" };
    expect(incomplete({ notice: linked }, { repositoryLiveFrom: new Date("2026-01-01T00:00:00Z") })).toBeUndefined();
  });
});

describe("found by the per-rule eval on real statements", () => {
  it("reads the election from theme_link in newer politiekereclame.nl statements", () => {
    const { theme: _drop, ...rest } = notice;
    const newer = { ...rest, theme_link: { id: 10, label: "Gemeenteraadsverkiezingen 2026", status: "published", date: "2026-03-18T12:00:00" } };
    expect(incomplete({ notice: newer })).toBeUndefined();
    expect(incomplete({ notice: rest })?.message).toMatch(/linked election/);
  });
  it("flags a label and source naming another party even when the notice's sponsor is also its payer", () => {
    const f = findingOf({ sponsor: "50PLUS Partij", label: "Politieke advertentie, gemeenteraadsverkiezingen 2026. Betaald door 50PLUS Partij.", notice: { ...notice, opdrachtgever_naam_organisatie: "JA21", betalende_naam_organisatie: "JA21", gezaghebbende_naam_organisatie: "JA21" } }, "ttpa.12.sponsor-mismatch");
    expect(f?.message).toMatch(/50PLUS Partij.*JA21/);
  });
});

describe("walls are told apart from ordinary pages", () => {
  it("calls a long home page with a login link and a cookie banner 'not a notice', not a wall", () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `<p>Nieuws ${i}: de gemeenteraad besprak de nieuwe plannen voor het centrum en de wijken.</p>`).join("");
    const page = `<html><body><nav><a href="/login">Inloggen</a></nav><div>Wij gebruiken cookies. <button>Accepteren</button></div>${paragraphs}</body></html>`;
    expect(unreachable({ notice: page })?.message).toMatch(/not a transparency notice/);
  });
  it("prefers the redirect to the home page as the reason", () => {
    expect(unreachable({ notice: cookieWall, notice_final_url: "https://d66.nl/" })?.message).toMatch(/home page/);
  });
});
