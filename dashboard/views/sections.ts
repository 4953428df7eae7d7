import type { EnforcementRow } from "../../store/queries/dashboard-enforcement.js";
import type { GroupStats, RuleStats } from "../../store/queries/dashboard-groups.js";
import type { AdListRow, FindingListRow } from "../../store/queries/dashboard-lists.js";
import { bound, html, type SafeHtml } from "../html.js";
import { t } from "../i18n.js";
import { ruleInfo } from "../rules.js";
import { fmtDay, fmtShare, fmtTime, table, type ViewCtx } from "./layout.js";
import { adLink, partyLink, publisherLink, ruleLink } from "./parts.js";

/** Party or publisher statistics table. */
export function groupTable(ctx: ViewCtx, rows: GroupStats[], by: "party" | "publisher"): SafeHtml {
  const l = ctx.lang;
  return table(
    [t(l, by), t(l, "adsOfParty"), t(l, "politicalAds"), t(l, "violations"), t(l, "shareCompliant"), t(l, "firstSeen"), t(l, "lastSeen")],
    rows.map((r) => [by === "party" ? partyLink(ctx, r.key || null) : publisherLink(ctx, r.key, r.siteName), r.ads, r.political, r.violations, fmtShare(r.shareCompliant), fmtDay(r.firstSeenAt), fmtDay(r.lastSeenAt)]),
    `groups by-${by}`,
  );
}

/** Findings counted per rule, with article and title. */
export function ruleTable(ctx: ViewCtx, rows: RuleStats[]): SafeHtml {
  const l = ctx.lang;
  return table(
    [t(l, "rule"), t(l, "article"), t(l, "description"), t(l, "violations"), t(l, "open"), t(l, "confirmed"), t(l, "dismissed"), t(l, "ads")],
    rows.map((r) => {
      const info = ruleInfo(r.rule);
      return [ruleLink(ctx, r.rule), info.article, info.title, r.violations, r.open, r.confirmed, r.dismissed, r.ads];
    }),
    "rules",
  );
}

/** The ads list. */
export function adsTable(ctx: ViewCtx, rows: AdListRow[]): SafeHtml {
  const l = ctx.lang;
  return table(
    ["#", t(l, "publisher"), t(l, "sponsor"), t(l, "text"), t(l, "party"), t(l, "political"), t(l, "violations"), t(l, "lastSeen")],
    rows.map((r) => [adLink(ctx, r.id), publisherLink(ctx, r.publisher, r.publisherSiteName), bound(r.sponsor, 120), bound(r.text, 160), partyLink(ctx, r.party),
      r.political === null ? "—" : t(l, r.political ? "yes" : "no"), html`${r.violations} <small>${r.rules.join(", ")}</small>`, fmtDay(r.lastSeenAt)]),
    "ads",
  );
}

/** The findings list. */
export function findingsTable(ctx: ViewCtx, rows: FindingListRow[]): SafeHtml {
  const l = ctx.lang;
  return table(
    ["#", t(l, "ad"), t(l, "rule"), t(l, "article"), t(l, "severity"), t(l, "message"), t(l, "party"), t(l, "publisher"), t(l, "review")],
    rows.map((r) => [String(r.id), adLink(ctx, r.adId), ruleLink(ctx, r.rule), ruleInfo(r.rule).article, html`<span class="sev-${r.severity}">${r.severity}</span>`,
      bound(r.message, 300), partyLink(ctx, r.party), publisherLink(ctx, r.publisher, r.publisherSiteName),
      html`${t(l, r.reviewStatus === "confirmed" ? "confirmed" : r.reviewStatus === "dismissed" ? "dismissed" : "open")}${r.reviewedBy ? html` (${r.reviewedBy})` : ""}`]),
    "findings",
  );
}

/** Political ads on banning platforms after the ban began, per platform and party. */
export function enforcementTable(ctx: ViewCtx, rows: EnforcementRow[]): SafeHtml {
  const l = ctx.lang;
  return table(
    ["Platform", t(l, "banSince"), t(l, "party"), t(l, "afterBan"), t(l, "firstSeen"), t(l, "lastSeen"), t(l, "daysUp")],
    rows.map((r) => [r.platform, fmtDay(r.since), partyLink(ctx, r.party), r.ads, fmtTime(r.firstAfterBan), fmtTime(r.lastSeenAt), r.maxDaysUp.toFixed(1)]),
    "enforcement",
  );
}
