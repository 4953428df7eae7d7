import { type AdFacts, type Rule, finding, quote } from "./facts.js";

/** Art. 11(1)(b) with Art. 12(1)(a): label, source and notice must name the same sponsor. */
export const sponsorMismatch: Rule = {
  id: "ttpa.12.sponsor-mismatch",
  article: "Art. 11(1)(b) and Art. 12(1)(a)-(b) Regulation (EU) 2024/900",
  title: "Sponsor differs between label, ad source and notice",
  severity: "medium",
  description: "The sponsor named with the ad, by the ad library and in the notice must be the same entity. Legal forms, \"afdeling\", branches of the same party, and a notice that names the other party as payer or controlling entity are accepted.",
  scope: "ttpa",
  check(f) {
    const n = f.notice?.isNotice ? f.notice : null;
    const pairs: Array<[string, string | null | undefined, string, string | null | undefined]> = [
      ["label", f.label.sponsor, "notice", n?.sponsor],
      ["ad source", f.ad.sponsor, "notice", n?.sponsor],
      ["label", f.label.sponsor, "ad source", f.ad.sponsor],
    ];
    for (const [whereA, a, whereB, b] of pairs) {
      if (!a || !b || f.actors.sameEntity(a, b)) continue;
      // Against the notice: the name may be its payer or controlling entity. Between label and source: both names
      // may belong to the notice's parties (sponsor, payer, controlling entity).
      const ok = whereB === "notice" ? inNotice(f, a, n, false) : inNotice(f, a, n, true) && inNotice(f, b, n, true);
      if (ok) continue;
      return finding(this, `Art. 12(1)(a): the ${whereA} names ${quote(a, 60)} as sponsor but the ${whereB} names ${quote(b, 60)}; these are different entities.`);
    }
    return null;
  },
};

// A name agrees with the notice when it is the notice's payer or controlling entity (or, when asked, its sponsor).
function inNotice(f: AdFacts, name: string, n: AdFacts["notice"], withSponsor: boolean): boolean {
  const candidates = [n?.payer, n?.controller, withSponsor ? n?.sponsor : null];
  return candidates.some((c) => !!c && f.actors.sameEntity(name, c));
}
