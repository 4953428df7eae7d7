import type { TimePoint } from "../../store/queries/dashboard.js";
import { html, type SafeHtml } from "../html.js";

const PALETTE = ["#e63946", "#1d3557", "#2a9d8f", "#f4a261", "#6a4c93", "#8d99ae", "#588157", "#bc6c25"];
const W = 760;
const H = 260;
const PAD = { l: 40, r: 170, t: 12, b: 40 };

/**
 * Draws violations over time per party as an inline SVG line chart, server-side (no script).
 * Party names are scraped-derived text and go through the escaping `html` tag like everything else.
 */
export function timelineSvg(points: TimePoint[], o: { parties: string[]; title: string; unknown: string }): SafeHtml {
  const buckets = [...new Set(points.map((p) => p.bucket))].sort();
  if (buckets.length === 0) return html``;
  const max = Math.max(1, ...points.map((p) => p.n));
  const pw = W - PAD.l - PAD.r;
  const ph = H - PAD.t - PAD.b;
  const x = (i: number) => PAD.l + (buckets.length === 1 ? pw / 2 : (i * pw) / (buckets.length - 1));
  const y = (n: number) => PAD.t + ph - (n * ph) / max;
  const series = o.parties.map((party, k) => {
    const byBucket = new Map(points.filter((p) => p.party === party).map((p) => [p.bucket, p.n]));
    const pts = buckets.map((b, i) => `${x(i).toFixed(1)},${y(byBucket.get(b) ?? 0).toFixed(1)}`).join(" ");
    const color = PALETTE[k % PALETTE.length] ?? "#000";
    return html`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts}"><title>${party || o.unknown}</title></polyline>
<rect x="${W - PAD.r + 10}" y="${PAD.t + k * 18}" width="12" height="12" fill="${color}"></rect>
<text x="${W - PAD.r + 26}" y="${PAD.t + k * 18 + 10}" font-size="11">${(party || o.unknown).slice(0, 24)}</text>`;
  });
  const step = Math.max(1, Math.ceil(buckets.length / 8));
  const ticks = buckets.map((b, i) => (i % step === 0 ? html`<text x="${x(i).toFixed(1)}" y="${H - PAD.b + 16}" font-size="10" text-anchor="middle">${b}</text>` : ""));
  return html`<svg class="chart" role="img" aria-label="${o.title}" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<title>${o.title}</title>
<line x1="${PAD.l}" y1="${PAD.t + ph}" x2="${PAD.l + pw}" y2="${PAD.t + ph}" stroke="#444"></line>
<line x1="${PAD.l}" y1="${PAD.t}" x2="${PAD.l}" y2="${PAD.t + ph}" stroke="#444"></line>
<text x="${PAD.l - 6}" y="${PAD.t + 10}" font-size="10" text-anchor="end">${max}</text>
<text x="${PAD.l - 6}" y="${PAD.t + ph}" font-size="10" text-anchor="end">0</text>
${ticks}${series}</svg>`;
}

/** Picks a bucket size so a period shows at most a few dozen points. */
export function bucketUnit(span: { min: Date; max: Date } | undefined): "day" | "week" | "month" {
  if (!span) return "day";
  const days = (span.max.getTime() - span.min.getTime()) / 86_400_000;
  return days <= 45 ? "day" : days <= 365 ? "week" : "month";
}
