/**
 * Evidence of one ad slot read from fetched HTML (cheerio), without a browser: the same fields the
 * in-page evidence script gives, except what only rendering knows (position, computed style,
 * screenshot). Used only for slots the static path may record (see static-scan.ts).
 */
import type { CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import type { LabelStyle } from "../../../common/capture.js";
import type { AdLink, ElementEvidence } from "../../evidence.js";

const SKIP = new Set(["script", "style", "noscript", "template", "head", "title"]);
const BLOCK = new Set(["address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul", "summary", "details"]);
const INLINE = new Set(["a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "font", "i", "kbd", "label", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "var"]);
const LIMITS = { maxHtml: 200_000, maxText: 20_000, maxLinks: 50, maxImages: 20, maxLabels: 8 };

const isElement = (n: AnyNode | null | undefined): n is Element => !!n && (n.type === "tag" || n.type === "script" || n.type === "style");

/** Hidden in the HTML itself: `hidden`, `aria-hidden` or an inline display:none / visibility:hidden. */
export function hiddenByMarkup(el: Element): boolean {
  const style = (el.attribs.style ?? "").replace(/\s+/g, "").toLowerCase();
  return "hidden" in el.attribs || style.includes("display:none") || style.includes("visibility:hidden");
}

/** The element's text roughly as innerText gives it: block boundaries become line breaks, hidden markup is left out. */
export function innerTextOf(el: Element): string {
  const parts: string[] = [];
  const walk = (n: AnyNode): void => {
    if (n.type === "text") return void parts.push(n.data);
    if (!isElement(n) || SKIP.has(n.name) || hiddenByMarkup(n)) return;
    if (n.name === "br") return void parts.push("\n");
    const block = BLOCK.has(n.name);
    if (block) parts.push("\n");
    for (const c of n.children) walk(c);
    if (block) parts.push("\n");
  };
  walk(el);
  return parts.join("").replace(/[ \t\r\f]+/g, " ").replace(/ *\n[\n ]*/g, "\n").trim();
}

function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = el.parent; isElement(p); p = p.parent) out.push(p);
  return out;
}

/** Label facts as far as markup shows them; style facts that need rendering are null (the classifier skips nulls). */
function labelFacts(el: Element, text: string, o: { fromAttr: boolean }): LabelStyle {
  const chain = [el, ...ancestors(el)];
  const inClosedDetails = chain.some((e) => e.name === "details" && !("open" in e.attribs)) && !chain.some((e) => e.name === "summary");
  const px = /font-size:\s*([\d.]+)px/i.exec(el.attribs.style ?? "");
  return {
    text: text.replace(/\s+/g, " ").trim().slice(0, 300),
    visible: !o.fromAttr && !chain.some(hiddenByMarkup) && !inClosedDetails,
    fontSizePx: px ? Number(px[1]) : null,
    contrast: null,
    inViewport: false,
    insideAd: true,
    behindInteraction: o.fromAttr || inClosedDetails,
  };
}

function labelsOf($: CheerioAPI, root: Element, labelRe: RegExp): LabelStyle[] {
  const out: LabelStyle[] = [];
  const seen = new Set<Element>();
  const walk = (n: AnyNode): void => {
    if (out.length >= LIMITS.maxLabels) return;
    if (n.type === "text") {
      const t = n.data.trim();
      let block = n.parent;
      if (t.length < 2 || t.length > 200 || !labelRe.test(t) || !isElement(block)) return;
      while (block !== root && isElement(block.parent) && block.parent !== root && INLINE.has(block.name)) block = block.parent;
      if (seen.has(block)) return;
      seen.add(block);
      out.push(labelFacts(block, $(block).text() || t, { fromAttr: false }));
      return;
    }
    if (isElement(n) && !SKIP.has(n.name)) for (const c of n.children) walk(c);
  };
  walk(root);
  $(root).find("[title],[aria-label]").each((_, el) => {
    const t = el.attribs.title || el.attribs["aria-label"] || "";
    if (t.length <= 200 && labelRe.test(t) && out.length < LIMITS.maxLabels) out.push(labelFacts(el, t, { fromAttr: true }));
  });
  const prev = $(root).prev()[0];
  const prevText = prev ? $(prev).text().trim() : "";
  if (prev && prevText.length <= 80 && labelRe.test(prevText)) out.push({ ...labelFacts(prev, prevText, { fromAttr: false }), insideAd: false });
  return out;
}

function absolute(href: string | undefined, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

/** Evidence of one slot from the fetched document (`base` resolves links the way the browser would). */
export function staticEvidence($: CheerioAPI, el: Element, o: { key: string; kind: string; pageUrl: string; base: string; labelRe: RegExp }): ElementEvidence {
  const links: AdLink[] = [];
  $(el).find("a[href]").each((_, a) => {
    const href = absolute(a.attribs.href, o.base);
    if (href && links.length < LIMITS.maxLinks) links.push({ href, text: innerTextOf(a).slice(0, 200) });
  });
  const images: string[] = [];
  $(el).find("img[src]").each((_, img) => {
    const src = absolute(img.attribs.src, o.base);
    if (src && images.length < LIMITS.maxImages) images.push(src);
  });
  return {
    key: o.key, kind: o.kind, text: innerTextOf(el).slice(0, LIMITS.maxText), html: $.html(el).slice(0, LIMITS.maxHtml),
    labels: labelsOf($, el, o.labelRe), links, images, frameChain: [o.pageUrl], frameTexts: [],
    rect: { x: 0, y: 0, width: 0, height: 0 }, viewport: { width: 0, height: 0 }, screenshotPng: null,
  };
}
