/**
 * The publisher source's fast path: finds ad slots in fetched HTML with cheerio, the same way the
 * in-page FIND_SLOTS_SCRIPT does, and says whether the page can be recorded without a browser.
 * It can only when nothing on the page runs (no scripts, frames, GPT/AdSense slots, refreshes):
 * then the HTML is the page, and no slot can be filled later. Otherwise the browser renders it.
 */
import * as cheerio from "cheerio";
import type { CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import type { ElementEvidence } from "../../evidence.js";
import { staticEvidence } from "./static-evidence.js";
import { AD_TOKEN, EDITORIAL, LABEL_TEXT, LIMITS, MARKER_TEXT, NOT_AD_TOKEN, SLOT_SELECTORS } from "./selectors.js";

/** What the fetched document gives: a reason to render it in the browser, or its slots' evidence and links. */
export interface StaticScan {
  /** Why the browser is needed (scripts, frames, scripted slots, …), or null when the HTML is the whole page. */
  browserReason: string | null;
  evidence: ElementEvidence[];
  links: string[];
  nodes: number;
}

/** Script types that are data, not code (JSON-LD and the like never change the page). */
const DATA_SCRIPT = /^(application\/(ld\+)?json|text\/template|text\/x-template|application\/x-template)$/i;
/** Slots that an ad server fills by script (GPT, AdSense, Prebid): empty in the HTML. */
const SCRIPTED_SLOTS = 'div[id^="div-gpt-ad"], [data-google-query-id], ins.adsbygoogle, [data-ad-client], [data-prebid]';
const CLIMB_STOP = new Set(["script", "style", "noscript", "p", "h1", "h2", "h3", "li", "figcaption", "blockquote"]);

const isElement = (n: AnyNode | null | undefined): n is Element => !!n && (n.type === "tag" || n.type === "script" || n.type === "style");
const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/** Why the page needs a browser, or null: anything that runs or frames content, or a DOM past the bound. */
function needsBrowser($: CheerioAPI): string | null {
  const code = $("script").filter((_, s) => !DATA_SCRIPT.test((s.attribs.type ?? "").trim())).length;
  if (code > 0) return "scripts";
  if ($("iframe, frame, object, embed").length > 0) return "frames";
  if ($(SCRIPTED_SLOTS).length > 0) return "scripted-slots";
  if ($('meta[http-equiv="refresh" i]').length > 0) return "meta-refresh";
  if ($("*").toArray().some((el) => isElement(el) && Object.keys(el.attribs).some((a) => a.startsWith("on")))) return "event-handlers";
  return null;
}

function findSlots($: CheerioAPI, extraSelectors: string[]): Array<{ el: Element; kind: string }> {
  const tokenRe = new RegExp(AD_TOKEN, "i");
  const notTokenRe = new RegExp(NOT_AD_TOKEN, "i");
  const markerRe = new RegExp(MARKER_TEXT, "i");
  const cands = new Map<Element, string>();
  const add = (el: Element | null, kind: string) => void (el && !cands.has(el) && cands.set(el, kind));
  const textLen = (el: Element) => norm($(el).text()).length;
  const editorial = (el: Element) => $(el).is(EDITORIAL) || $(el).find(EDITORIAL).length > 0;
  for (const sel of [...SLOT_SELECTORS, ...extraSelectors]) {
    let found: Element[] = [];
    try {
      found = $(sel).toArray().filter(isElement).slice(0, 200);
    } catch {
      continue; // a site profile's selector that cheerio's engine does not support: the browser path still uses it
    }
    for (const el of found) add(el, "selector");
  }
  for (const el of $("[class],[id]").toArray().slice(0, 3000)) {
    const tokens = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`.split(/\s+/).filter(Boolean);
    if (tokens.some((t) => tokenRe.test(t) && !notTokenRe.test(t))) add(el, "class");
  }
  const body = $("body")[0] ?? $.root()[0];
  let seen = 0;
  const walk = (n: AnyNode): void => {
    if (seen++ > 30_000) return;
    if (n.type === "text") {
      const t = norm(n.data);
      const el = n.parent;
      if (t.length < 4 || t.length > 90 || !markerRe.test(t) || !isElement(el)) return;
      if ([el, ...ancestorsOf(el)].some((a) => CLIMB_STOP.has(a.name))) return;
      let c: Element | null = isElement(el.parent) ? el.parent : null;
      for (let k = 0; c && k < LIMITS.markerClimb; k++, c = isElement(c.parent) ? c.parent : null) {
        if (editorial(c)) { c = null; break; }
        if ($(c).find("img,iframe,a[href],svg").length > 0 && textLen(c) <= 1500) break;
      }
      if (c && !editorial(c)) add(c, "marker");
      return;
    }
    if (isElement(n)) for (const ch of n.children) walk(ch);
    else if (n.type === "root") for (const ch of n.children) walk(ch);
  };
  if (body) walk(body);
  let list = [...cands.keys()].filter((el) => !editorial(el) && textLen(el) <= LIMITS.maxSlotText);
  const contains = (a: Element, b: Element) => a !== b && ancestorsOf(b).includes(a);
  list = list.filter((a) => list.filter((b) => contains(a, b)).length < 2);
  list = list.filter((b) => !list.some((a) => contains(a, b)));
  const order = new Map($("*").toArray().map((el, i) => [el, i] as const));
  list.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return list.slice(0, LIMITS.maxSlots).map((el) => ({ el, kind: cands.get(el) ?? "selector" }));
}

function ancestorsOf(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = el.parent; isElement(p); p = p.parent) out.push(p);
  return out;
}

function sameSiteLinks($: CheerioAPI, slots: Element[], o: { base: string; pageUrl: string }): string[] {
  const host = new URL(o.pageUrl).host;
  const inSlot = new Set<Element>(slots);
  const out: string[] = [];
  for (const a of $("a[href]").toArray()) {
    if (out.length >= LIMITS.maxLinksPerPage) break;
    if (ancestorsOf(a).some((p) => inSlot.has(p))) continue;
    try {
      const u = new URL((a.attribs.href ?? "").trim(), o.base);
      if ((u.protocol === "http:" || u.protocol === "https:") && u.host === host) { u.hash = ""; out.push(u.href); }
    } catch {
      continue; // a malformed href is not a link to follow
    }
  }
  return [...new Set(out)];
}

/**
 * Parses the fetched page; slots and links are read only when the page can be recorded without a
 * browser (`readAnyway` reads them regardless, to compare with the browser's reading in tests).
 */
export function scanStaticHtml(html: string, o: { pageUrl: string; extraSelectors?: string[]; readAnyway?: boolean; maxNodes?: number }): StaticScan {
  const $ = cheerio.load(html);
  const nodes = $("*").length;
  // Past the bound the page is given up: reading it further would hold the event loop (and every other item's browser events) for seconds.
  if (nodes > (o.maxNodes ?? Infinity)) return { browserReason: null, evidence: [], links: [], nodes };
  const browserReason = needsBrowser($);
  if (browserReason && !o.readAnyway) return { browserReason, evidence: [], links: [], nodes };
  const baseHref = $("base[href]").attr("href");
  const base = baseHref && URL.canParse(baseHref, o.pageUrl) ? new URL(baseHref, o.pageUrl).href : o.pageUrl;
  const slots = findSlots($, o.extraSelectors ?? []);
  const labelRe = new RegExp(LABEL_TEXT, "i");
  const evidence = slots.map((s, i) => staticEvidence($, s.el, { key: String(i), kind: s.kind, pageUrl: o.pageUrl, base, labelRe }));
  return { browserReason, evidence, links: sameSiteLinks($, slots.map((s) => s.el), { base, pageUrl: o.pageUrl }), nodes };
}
