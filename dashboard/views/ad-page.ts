import type { CreativeSibling } from "../../store/queries/creatives.js";
import type { AdDetail, AdFinding, NoticeFetch, Sighting } from "../../store/queries/dashboard-ad.js";
import type { NoticeProbe } from "../../store/queries/notice-probes.js";
import type { FileCheck } from "../evidence.js";
import { bound, html, type SafeHtml } from "../html.js";
import { t, type Lang } from "../i18n.js";
import { ruleInfo } from "../rules.js";
import { fmtTime, table, type ViewCtx } from "./layout.js";
import { partyLink, publisherLink, ruleLink } from "./parts.js";

/** Everything the ad page renders. */
export interface AdPageData {
  ad: AdDetail; findings: AdFinding[]; notices: NoticeFetch[]; sightings: Sighting[];
  /** Re-probes of the notice link (polad schedule --notices), oldest first; other ads of the same creative. */
  probes: NoticeProbe[]; siblings: CreativeSibling[];
  checks: Map<string, FileCheck>; noticeChecks: Map<number, boolean>; csrf: string | null;
}

function checkCell(l: Lang, c: FileCheck | undefined): SafeHtml {
  if (c === "ok") return html`<span class="ok verify-ok">${t(l, "verified")}</span>`;
  if (c === "missing") return html`<span class="bad verify-missing">${t(l, "missingFile")}</span>`;
  return html`<span class="bad verify-bad">${t(l, "notVerified")}</span>`;
}

function reviewForm(l: Lang, f: AdFinding, csrf: string): SafeHtml {
  const opt = (v: string, key: "confirm" | "dismiss" | "reopen") => html`<option value="${v}"${f.reviewStatus === v ? html` selected` : ""}>${t(l, key)}</option>`;
  return html`<form method="post" action="/findings/${f.id}/review${l === "en" ? "?lang=en" : ""}" class="review">
<input type="hidden" name="_csrf" value="${csrf}"><select name="status">${opt("confirmed", "confirm")}${opt("dismissed", "dismiss")}${opt("open", "reopen")}</select>
<input type="text" name="note" maxlength="2000" placeholder="${t(l, "note")}" value="${f.reviewNote ?? ""}"><button type="submit">${t(l, "review")}</button></form>`;
}

function findingsSection(ctx: ViewCtx, d: AdPageData): SafeHtml {
  const l = ctx.lang;
  return table(
    [t(l, "rule"), t(l, "article"), t(l, "severity"), t(l, "message"), t(l, "review"), ""],
    d.findings.map((f) => [ruleLink(ctx, f.rule), ruleInfo(f.rule).article, html`<span class="sev-${f.severity}">${f.severity}</span>`, bound(f.message, 2000),
      html`<span class="review-status">${f.reviewStatus}</span>${f.reviewedBy ? html`<br>${t(l, "reviewedBy")} ${f.reviewedBy}, ${fmtTime(f.reviewedAt)}` : ""}${f.reviewNote ? html`<br><q>${bound(f.reviewNote, 2000)}</q>` : ""}`,
      d.csrf ? reviewForm(l, f, d.csrf) : ""]),
    "ad-findings",
  );
}

function noticeSection(ctx: ViewCtx, d: AdPageData): SafeHtml {
  const l = ctx.lang;
  const a = d.ad;
  const latest = d.notices.find((n) => n.id === a.noticeId) ?? d.notices[d.notices.length - 1];
  return html`<p>${t(l, "url")}: <code>${a.noticeUrl ?? t(l, "none")}</code>${a.noticeStatus !== null ? html` · ${t(l, "statusCode")} ${a.noticeStatus}` : ""}</p>
${a.noticeInline !== null ? html`<pre class="notice-inline">${bound(typeof a.noticeInline === "string" ? a.noticeInline : JSON.stringify(a.noticeInline, null, 2), 50_000)}</pre>` : ""}
${latest ? html`<pre class="notice-body">${bound(latest.body, 50_000)}</pre>` : ""}
<h3>${t(l, "noticeHistory")}</h3>
${table([t(l, "time"), t(l, "statusCode"), t(l, "url"), "SHA-256", t(l, "evidence"), "error"],
    d.notices.map((n) => [fmtTime(n.fetchedAt), n.status, bound(n.finalUrl ?? n.url, 300), html`<code>${n.sha256}</code>`,
      d.noticeChecks.get(n.id) ? checkCell(l, "ok") : checkCell(l, "mismatch"), bound(n.error, 300)]), "notice-history")}
${d.probes.length ? html`<h3>${t(l, "reprobes")}</h3>
${table([t(l, "time"), t(l, "statusCode"), t(l, "outcome"), "run"], d.probes.map((p) => [fmtTime(p.probedAt), p.status, html`<span class="probe-${p.outcome}">${p.outcome}</span>`, p.runId ?? "—"]), "notice-probes")}` : ""}`;
}

function siblingsSection(ctx: ViewCtx, d: AdPageData): SafeHtml {
  if (d.siblings.length === 0) return html``;
  const l = ctx.lang;
  return html`<h2>${t(l, "sameCreative")}</h2>
${table([t(l, "ad"), t(l, "source"), t(l, "firstSeen")], d.siblings.map((s) => [html`<a href="/ads/${s.id}${l === "en" ? "?lang=en" : ""}">#${s.id}</a>`, html`${s.source} · <code>${bound(s.externalId, 200)}</code>`, fmtTime(s.firstSeenAt)]), "same-creative")}`;
}

/** The label's captured style facts, the evidence behind a salience finding. */
function labelStyleCell(styles: Array<Record<string, unknown>>): SafeHtml {
  const fact = (v: unknown) => (v === null || v === undefined ? "?" : String(v));
  return html`${styles.slice(0, 5).map((st) => html`<div class="label-style">“${bound(typeof st.text === "string" ? st.text : "", 80)}” visible=${fact(st.visible)}
font=${fact(st.fontSizePx)}px contrast=${fact(st.contrast)} inViewport=${fact(st.inViewport)} insideAd=${fact(st.insideAd)} behindInteraction=${fact(st.behindInteraction)}</div>`)}`;
}

function sightingsSection(ctx: ViewCtx, d: AdPageData): SafeHtml {
  const l = ctx.lang;
  const fileCell = (f: Sighting["screenshot"]) => (f ? html`<code>${f.sha256}</code> ${checkCell(l, d.checks.get(f.sha256))}` : "—");
  return table(
    [t(l, "time"), t(l, "url"), "run", t(l, "screenshot"), t(l, "html"), t(l, "label")],
    d.sightings.map((s) => [
      fmtTime(s.seenAt), bound(s.pageUrl, 300), s.crawlRunId ?? "—",
      s.pageScreenshot ? html`${fileCell(s.screenshot)}<div class="page-shot"><a href="/evidence/${s.pageScreenshot.sha256}">${t(l, "pageShot")}</a> ${fileCell(s.pageScreenshot)}</div>` : fileCell(s.screenshot),
      fileCell(s.html), labelStyleCell(s.labelStyles),
    ]),
    "sightings",
  );
}

/** The ad page body: creative, label, notice, findings with review, sightings with verified evidence. */
export function adPageBody(ctx: ViewCtx, d: AdPageData): SafeHtml {
  const l = ctx.lang;
  const a = d.ad;
  const shot = d.sightings.map((s) => s.screenshot).filter((f) => f !== null).at(-1);
  const capture = d.sightings.map((s) => s.html).filter((f) => f !== null).at(-1);
  const v = a.verdict;
  return html`<dl class="ad-meta"><dt>${t(l, "publisher")}</dt><dd>${publisherLink(ctx, a.publisher, a.publisherSiteName)}</dd><dt>${t(l, "source")}</dt><dd>${a.source} · <code>${a.externalId}</code></dd>
<dt>${t(l, "sponsor")}</dt><dd class="sponsor">${bound(a.sponsor, 2000)}</dd><dt>${t(l, "party")}</dt><dd>${partyLink(ctx, v?.party ?? null)}</dd>
<dt>${t(l, "political")}</dt><dd>${v ? html`${t(l, v.political ? "yes" : "no")} (${v.decision}, ${v.score.toFixed(2)}) · ${t(l, "reasons")}: ${v.reasons.join("; ")}` : "—"}</dd>
<dt>${t(l, "firstSeen")} / ${t(l, "lastSeen")}</dt><dd>${fmtTime(a.firstSeenAt)} / ${fmtTime(a.lastSeenAt)}</dd></dl>
<p><a href="/ads/${a.id}/bundle.zip" download>${t(l, "bundle")}</a></p>
${shot ? html`<h2>${t(l, "screenshot")}</h2><img class="shot" alt="${t(l, "screenshot")}" src="/evidence/${shot.sha256}">` : ""}
<h2>${t(l, "text")}</h2><pre class="creative">${bound(a.text, 20_000)}</pre>
<h2>${t(l, "label")}</h2><pre class="label">${bound(a.label, 5000) || t(l, "none")}</pre>
${capture ? html`<h2>${t(l, "html")}</h2><iframe class="capture" sandbox src="/evidence/${capture.sha256}" title="${t(l, "html")}"></iframe>` : ""}
${a.html ? html`<details><summary>HTML</summary><pre class="ad-html">${bound(a.html, 50_000)}</pre></details>` : ""}
<h2>${t(l, "findings")}</h2>${findingsSection(ctx, d)}
<h2>${t(l, "notice")}</h2>${noticeSection(ctx, d)}
<h2>${t(l, "sightings")}</h2>${sightingsSection(ctx, d)}
${siblingsSection(ctx, d)}`;
}
