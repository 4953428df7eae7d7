import type { FilterOptions } from "../../store/queries/dashboard.js";
import { bound, html, type SafeHtml } from "../html.js";
import { t } from "../i18n.js";
import type { Cursor } from "../../store/queries/dashboard-lists.js";
import { cursorParam, PAGE_SIZE, withQuery } from "../filters.js";
import type { ViewCtx } from "./layout.js";

function select(name: string, label: string, values: string[], current: string | undefined, all: string): SafeHtml {
  return html`<label>${label}<select name="${name}"><option value="">${all}</option>
${values.map((v) => html`<option value="${v}"${v === current ? html` selected` : ""}>${v}</option>`)}</select></label>`;
}

/** The filter form; a GET form, so every filter lives in the URL and can be bookmarked or exported. */
export function filterForm(ctx: ViewCtx, action: string, opts: FilterOptions): SafeHtml {
  const l = ctx.lang;
  const r = ctx.raw;
  const all = t(l, "all");
  return html`<form class="filters" method="get" action="${action}">
<label>${t(l, "from")}<input type="date" name="from" value="${r.from ?? ""}"></label>
<label>${t(l, "to")}<input type="date" name="to" value="${r.to ?? ""}"></label>
${select("source", t(l, "source"), opts.sources, r.source, all)}
${select("publisher", t(l, "publisher"), opts.publishers, r.publisher, all)}
${select("party", t(l, "party"), opts.parties, r.party, all)}
${select("rule", t(l, "rule"), opts.rules, r.rule, all)}
${select("severity", t(l, "severity"), ["critical", "high", "medium", "low", "info"], r.severity, all)}
${select("review", t(l, "review"), ["open", "confirmed", "dismissed"], r.review, all)}
<label>${t(l, "search")}<input type="search" name="q" maxlength="200" value="${r.q ?? ""}"></label>
${l === "en" ? html`<input type="hidden" name="lang" value="en">` : ""}
<button type="submit">${t(l, "apply")}</button></form>`;
}

/**
 * Previous/next links that keep the filters; order is stable so pages do not overlap. With `next`
 * (where this page ended) the next link continues by keyset, so deep pages cost what the first does.
 * A capped total (counted live up to a limit) shows as "more than".
 */
export function pager(ctx: ViewCtx, path: string, p: { page: number; total: number; capped?: boolean | undefined; next?: Cursor | undefined }): SafeHtml {
  const pages = Math.max(1, Math.ceil(p.total / PAGE_SIZE));
  const l = ctx.lang;
  const next = p.page < pages && (!p.capped || p.next);
  return html`<p class="pager">${p.page > 1 ? html`<a rel="prev" href="${withQuery(path, ctx.raw, { page: p.page - 1 })}">${t(l, "prev")}</a> ` : ""}
${t(l, "page")} ${p.page}${p.capped ? "" : html` ${t(l, "page_of")} ${pages}`} (${p.capped ? `${p.total - 1}+` : p.total})
${next ? html` <a rel="next" href="${withQuery(path, ctx.raw, { page: p.page + 1, after: p.next ? cursorParam(p.next) : undefined })}">${t(l, "next")}</a>` : ""}</p>`;
}

/** Links to the CSV and JSON export of a list with the same filters. */
export function exportLinks(ctx: ViewCtx, list: string): SafeHtml {
  const raw = { ...ctx.raw };
  delete raw.lang;
  return html`<p class="exports">${t(ctx.lang, "export")}: <a href="${withQuery(`/export/${list}.csv`, raw)}" download>CSV</a>
<a href="${withQuery(`/export/${list}.json`, raw)}" download>JSON</a></p>`;
}

/** Link to a party page (empty party shows as unknown). */
export function partyLink(ctx: ViewCtx, party: string | null): SafeHtml {
  if (!party) return html`<em>${t(ctx.lang, "unknownParty")}</em>`;
  return html`<a href="${withQuery(`/parties/${encodeURIComponent(party)}`, ctx.lang === "en" ? { lang: "en" } : {})}">${party}</a>`;
}

/** Link to a publisher page. */
export function publisherLink(ctx: ViewCtx, name: string, siteName?: string | null): SafeHtml {
  return html`<a href="${withQuery(`/publishers/${encodeURIComponent(name)}`, ctx.lang === "en" ? { lang: "en" } : {})}">${publisherName(name, siteName)}</a>`;
}

/**
 * A publisher as a reader knows it, with the host it is stored under still visible: "Nieuwsdagblad
 * <span class=host>(127.0.0.1:41234)</span>"; just the host when the site gave no other name.
 */
export function publisherName(name: string, siteName?: string | null): SafeHtml {
  return siteName && siteName !== name ? html`${bound(siteName, 120)} <span class="host">(${name})</span>` : html`${name}`;
}

/** Link to a rule page. */
export function ruleLink(ctx: ViewCtx, rule: string): SafeHtml {
  return html`<a href="${withQuery(`/rules/${encodeURIComponent(rule)}`, ctx.lang === "en" ? { lang: "en" } : {})}">${rule}</a>`;
}

/** Link to an ad page. */
export function adLink(ctx: ViewCtx, id: number, label?: string): SafeHtml {
  return html`<a href="${withQuery(`/ads/${id}`, ctx.lang === "en" ? { lang: "en" } : {})}">${label ?? `#${id}`}</a>`;
}
