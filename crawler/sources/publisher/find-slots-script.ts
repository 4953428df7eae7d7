/**
 * In-page script (plain JavaScript text, evaluated inside the crawled page only) that finds ad
 * slots and marks each with data-polad-slot / data-polad-kind. Patterns come in as arguments from
 * selectors.ts. Returns { count, kinds }.
 */
export const FIND_SLOTS_SCRIPT = String.raw`(args) => {
  const tokenRe = new RegExp(args.adToken, "i"), notTokenRe = new RegExp(args.notAdToken, "i");
  const frameRe = new RegExp(args.frameSrc, "i"), markerRe = new RegExp(args.marker, "i");
  const cands = new Map();
  const add = (el, kind) => { if (el && el.nodeType === 1 && !cands.has(el)) cands.set(el, kind); };
  const textLen = (el) => (el.textContent || "").replace(/\s+/g, " ").trim().length;
  const editorial = (el) => el.matches(args.editorial) || !!el.querySelector(args.editorial);
  for (const sel of args.selectors) {
    let list = [];
    try { list = document.querySelectorAll(sel); } catch (e) { continue; }
    for (let i = 0; i < list.length && i < 200; i++) add(list[i], "selector");
  }
  const named = document.querySelectorAll('[class*="ad" i],[id*="ad" i],[class*="sponsor" i],[class*="advert" i],[class*="anzeige" i]');
  for (let i = 0; i < named.length && i < 3000; i++) {
    const el = named[i];
    const tokens = String(el.getAttribute("class") || "").split(/\s+/).concat([el.id || ""]).filter(Boolean);
    if (tokens.some((t) => tokenRe.test(t) && !notTokenRe.test(t))) add(el, "class");
  }
  const frames = document.querySelectorAll("iframe");
  for (let i = 0; i < frames.length && i < 100; i++) {
    const f = frames[i];
    let cross = false;
    try { cross = !!f.src && new URL(f.src, location.href).origin !== location.origin; } catch (e) { cross = false; }
    const w = Math.round(f.getBoundingClientRect().width || Number(f.width) || 0), h = Math.round(f.getBoundingClientRect().height || Number(f.height) || 0);
    const iab = args.iabSizes.some((s) => s[0] === w && s[1] === h);
    if (!(frameRe.test(f.src || "") || (cross && iab))) continue;
    const p = f.parentElement;
    add(p && p !== document.body && textLen(p) < 200 ? p : f, "iframe");
  }
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(), i = 0; n && i < 30000; n = walker.nextNode(), i++) {
    const t = (n.nodeValue || "").replace(/\s+/g, " ").trim();
    if (t.length < 4 || t.length > 90 || !markerRe.test(t)) continue;
    const el = n.parentElement;
    if (!el || el.closest("script,style,noscript,p,h1,h2,h3,li,figcaption,blockquote")) continue;
    let c = el.parentElement;
    for (let k = 0; c && k < args.markerClimb; k++, c = c.parentElement) {
      if (editorial(c)) { c = null; break; }
      if (c.querySelector("img,iframe,a[href],svg") && textLen(c) <= 1500) break;
    }
    if (c && !editorial(c)) add(c, "marker");
  }
  let list = [...cands.keys()].filter((el) => !editorial(el) && textLen(el) <= args.maxSlotText);
  list = list.filter((a) => list.filter((b) => b !== a && a.contains(b)).length < 2);
  list = list.filter((b) => !list.some((a) => a !== b && a.contains(b)));
  list = list.slice(0, args.maxSlots);
  const kinds = {};
  list.forEach((el, i) => {
    const kind = cands.get(el);
    el.setAttribute(args.attr, String(i));
    el.setAttribute("data-polad-kind", kind);
    kinds[kind] = (kinds[kind] || 0) + 1;
  });
  return { count: list.length, kinds };
}`;

/** In-page script: same-site links outside ad slots, as absolute URLs (bounded by the caller's limit). */
export const SAME_SITE_LINKS_SCRIPT = String.raw`(args) => {
  const out = [];
  for (const a of document.querySelectorAll("a[href]")) {
    if (out.length >= args.max) break;
    if (a.closest("[" + args.attr + "]")) continue;
    try {
      const u = new URL(a.getAttribute("href"), location.href);
      if ((u.protocol === "http:" || u.protocol === "https:") && u.host === location.host) { u.hash = ""; out.push(u.href); }
    } catch (e) { continue; }
  }
  return [...new Set(out)];
}`;

/**
 * In-page script: the whole scan of a loaded page in one round trip (each evaluate costs a trip to the
 * renderer, which dominates on a loaded machine): count the elements (stop past the bound), scroll to
 * wake lazy slots, mark the slots, read the same-site links and the user agent.
 */
export const SCAN_PAGE_SCRIPT = String.raw`async (args) => {
  const nodes = document.getElementsByTagName("*").length;
  if (nodes > args.maxNodes) return { nodes, slots: { count: 0, kinds: {} }, links: [], userAgent: navigator.userAgent };
  if (document.documentElement.scrollHeight > innerHeight + 10) {
    for (let i = 0; i < args.scrollSteps; i++) {
      window.scrollBy(0, innerHeight);
      await new Promise((r) => setTimeout(r, args.scrollWaitMs));
    }
    window.scrollTo(0, 0);
  }
  const slots = (${FIND_SLOTS_SCRIPT})(args.find);
  const links = (${SAME_SITE_LINKS_SCRIPT})(args.links);
  return { nodes, slots, links, userAgent: navigator.userAgent };
}`;
