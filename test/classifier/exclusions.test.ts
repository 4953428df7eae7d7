import { describe, expect, it } from "vitest";
import { adInputSchema } from "../../common/ad-input.js";
import { classify } from "../../classifier/classify.js";
import { NOW } from "./helpers.js";

// Ads given as text only (no sponsor the actor registry knows): the decision rests on the text cues and the model.
const judge = (text: string, fields: Record<string, unknown> = {}) =>
  classify(adInputSchema.parse({ id: "x", source: "site", publisher: "nu.nl", first_seen: "2026-03-01T00:00:00Z", text, ...fields }), { now: NOW });

describe("exclusions from Art. 3(2): ads that mention a vote or read like a cause but sell or inform", () => {
  it.each([
    ["a health-product ad asking for its brochure (the demo's cord-blood ad)", "Kies voor zekerheid\nStamcellen uit navelstrengbloed bewaren? Vraag vandaag nog de gratis brochure aan."],
    ["a hotel asking to book now", "Hotel De Zwaan | Weekendje Zwolle | Ontbijt inbegrepen. Boek nu je voorjaarsarrangement met gratis parkeren."],
    ["a charity asking for donors", "Help kinderen in nood. Word donateur van Unicef."],
    ["a screening programme asking people to get tested", "Laat je gratis testen op darmkanker. Doe mee aan het bevolkingsonderzoek."],
    ["a pizza vote", "Stem op je favoriete pizza en maak kans op een jaar gratis pizza!"],
    ["a sandwich contest with a vote call", "Kies jouw favoriet! Stem op het lekkerste broodje van Utrecht en maak kans op een slagroomtaart."],
    ["a travel offer", "Weekendje Lissabon? Vanaf €149\nDrie nachten Lissabon met vlucht vanaf Eindhoven. Boek voor zondag en ontvang een gratis tramkaart."],
  ])("is not political: %s", (_name, text) => {
    const v = judge(text);
    expect(v.decision).not.toBe("yes");
    expect(v.findings).toEqual([]);
    expect(v.reasons.join(" ")).toMatch(/against: /);
  });

  it("keeps a service ad out even when its text comes twice (page text plus OCR) and the model is sure it is political", () => {
    const s = "Kies voor zekerheid\nStamcellen uit navelstrengbloed bewaren? Vraag vandaag nog de gratis brochure aan.";
    const v = judge(s, { ocr_text: s.replace("gratis ", "gratis\n") });
    expect(v.decision).toBe("no");
    expect(judge(`${s}\n${s}`).decision).toBe("no");
  });

  it("names the commercial call to action it found in the reasons", () => {
    expect(judge("Vraag vandaag nog de gratis brochure aan.").reasons.join(" ")).toMatch(/service call to action \("Vraag vandaag nog de gratis brochure aan"\)/);
  });

  it("sends practical how-to-vote information without a known sender to review, not to findings", () => {
    const v = judge("Op 18 maart zijn de gemeenteraadsverkiezingen. Neem je stempas en identiteitsbewijs mee naar het stembureau.");
    expect(v.decision).toBe("review");
    expect(v.findings).toEqual([]);
    expect(v.reasons.join(" ")).toMatch(/practical information on how to vote/);
  });

  it("keeps a party's get-out-the-vote ad political even when it mentions the voting pass", () => {
    const v = judge("Op 18 maart: stem VVD. Neem je stempas mee!");
    expect(v.political).toBe(true);
    expect(v.party).toBe("VVD");
    expect(v.reasons.join(" ")).toMatch(/calls on people to vote/);
  });

  it("keeps a party's donation appeal political when the party is the sponsor", () => {
    const v = judge("Doneer nu en help ons de campagne te winnen.", { sponsor: "D66" });
    expect(v.political).toBe(true);
  });
});

describe("limb (b) cues", () => {
  it.each([
    ["Stem VVD.", "a sentence-initial 'Stem <party>'"],
    ["Wij zijn er klaar voor. Stem Volt op 18 maart.", "'Stem <party>' after a full stop"],
  ])("reads %s as a call to vote (%s)", (text) => {
    expect(judge(text).reasons.join(" ")).toMatch(/calls on people to vote/);
  });

  it("does not read the noun 'stem' inside a sentence as a call to vote", () => {
    expect(judge("Zij heeft een mooie stem en zingt in het koor.").reasons.join(" ")).not.toMatch(/calls on people to vote/);
  });

  it.each([
    ["De N-VA wil minder belastingen voor gezinnen.", "N-VA"],
    ["Open Vld komt op voor ondernemers.", "Open Vld"],
    ["Am Sonntag mit beiden Stimmen die SPD.", "SPD"],
  ])("counts a Belgian or German party named in the text (%s)", (text, party) => {
    const v = judge(text);
    expect(v.party).toBe(party);
    expect(v.reasons.join(" ")).toMatch(new RegExp(`names the political party ${party}`));
  });

  it("does not take the colour 'Groen' at the start of a sentence for the Flemish party", () => {
    expect(judge("Groen en bomen in de tuin maken je huis koeler.").party).toBeNull();
  });
});
