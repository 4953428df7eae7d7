import { html, type SafeHtml } from "../html.js";
import { t, type Lang } from "../i18n.js";
import { withQuery } from "../filters.js";

/** What every page view knows about the request. */
export interface ViewCtx {
  lang: Lang;
  /** Path of the current page, for the language switch. */
  path: string;
  /** Current filters as query parameters. */
  raw: Record<string, string>;
  user: { name: string; role: string } | null;
}

/** Wraps a page body in the shared layout: navigation, language switch, stylesheet (no scripts). */
export function layout(ctx: ViewCtx, title: string, body: SafeHtml): SafeHtml {
  const l = ctx.lang;
  const nav = (href: string, key: Parameters<typeof t>[1]) => html`<a href="${withQuery(href, l === "en" ? { lang: "en" } : {})}">${t(l, key)}</a>`;
  const other = l === "en" ? "nl" : "en";
  return html`<!doctype html>
<html lang="${l}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · polad</title><link rel="stylesheet" href="/static/style.css"></head>
<body><header><strong>polad</strong> <nav>${nav("/", "overview")} ${nav("/parties", "parties")} ${nav("/publishers", "publishers")}
${nav("/rules", "rules")} ${nav("/ads", "ads")} ${nav("/findings", "findings")} ${nav("/enforcement", "enforcement")}</nav>
<span class="lang"><a href="${withQuery(ctx.path, ctx.raw, { lang: other === "en" ? "en" : undefined })}" hreflang="${other}">${other.toUpperCase()}</a></span>
${ctx.user ? html`<span class="user">${ctx.user.name} (${ctx.user.role})</span>` : ""}</header>
<main><h1>${title}</h1>
${body}</main><footer>${t(l, "title")}</footer></body></html>`;
}

/** Formats a timestamp as UTC date and time, the way evidence is cited. */
export function fmtTime(d: Date | null | undefined): string {
  if (!d) return "—";
  return d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

/** Formats a date (UTC). */
export function fmtDay(d: Date | null | undefined): string {
  return d ? d.toISOString().slice(0, 10) : "—";
}

/** Formats a share as a percentage. */
export function fmtShare(x: number | null): string {
  return x === null ? "—" : `${Math.round(x * 1000) / 10}%`;
}

/** A plain table from headers and rows of already-safe cells. */
export function table(headers: string[], rows: Array<Array<SafeHtml | string | number>>, cls = ""): SafeHtml {
  return html`<table class="${cls}"><thead><tr>${headers.map((h) => html`<th>${h}</th>`)}</tr></thead>
<tbody>${rows.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody></table>`;
}

/** An error page body (not found, bad query, forbidden). */
export function errorPage(ctx: ViewCtx, title: string, message: string): SafeHtml {
  return layout(ctx, title, html`<p class="error">${message}</p>`);
}

/** The shared stylesheet, served from /static/style.css (inline styles are forbidden by the CSP). */
export const STYLE_CSS = `
body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
header{display:flex;gap:1em;align-items:center;padding:.6em 1em;background:#1d3557;color:#fff;flex-wrap:wrap}
header a{color:#fff;margin-right:.6em}main{padding:1em 1.5em;max-width:1300px}
table{border-collapse:collapse;margin:.5em 0 1.5em;background:#fff}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#eef}td.num,th.num{text-align:right}.error{color:#a00}.ok{color:#060}.bad{color:#a00;font-weight:bold}
pre{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid #ddd;padding:.5em;max-height:30em;overflow:auto}
form.filters{display:flex;flex-wrap:wrap;gap:.5em;align-items:end;background:#fff;padding:.5em;border:1px solid #ddd}
form.filters label{display:flex;flex-direction:column;font-size:.85em}
.sev-critical,.sev-high{color:#a00;font-weight:bold}.sev-medium{color:#a60}.cards{display:flex;gap:1em;flex-wrap:wrap}
.card{background:#fff;border:1px solid #ddd;padding:.6em 1em;min-width:10em}.card b{font-size:1.6em;display:block}
iframe.capture{width:100%;height:320px;border:1px solid #999;background:#fff}img.shot{max-width:100%;border:1px solid #999}
svg.chart{background:#fff;border:1px solid #ddd}footer{padding:1em;color:#666;font-size:.8em}
`;
