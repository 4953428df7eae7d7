/**
 * The in-page half of evidence capture, kept as plain JavaScript text: it is evaluated inside the
 * crawled page (never in Node), so bundler helpers cannot leak into it and scraped content never
 * runs outside the page. Input: { attr, wholeBody, labelRe, maxHtml, maxText, maxLinks }.
 */
export const EVIDENCE_SCRIPT = String.raw`(args) => {
  const labelRe = new RegExp(args.labelRe, "i");
  const cut = (s, n) => (s && s.length > n ? s.slice(0, n) : s || "");
  const parseColor = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || "");
    if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const background = (el) => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.backgroundImage && cs.backgroundImage !== "none") return null;
      const c = parseColor(cs.backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const contrast = (el) => {
    const fg = parseColor(getComputedStyle(el).color);
    const bg = background(el);
    if (!fg || !bg) return null;
    const a = lum(fg), b = lum(bg);
    return Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100;
  };
  const opacity = (el) => {
    let o = 1;
    for (let e = el, i = 0; e && e.nodeType === 1 && i < 30; e = e.parentElement, i++) o *= Number(getComputedStyle(e).opacity);
    return o;
  };
  const isVisible = (el) => {
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    if (r.width < 1 || r.height < 1 || cs.visibility === "hidden" || opacity(el) < 0.1) return false;
    if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    if (el.closest("details:not([open])") && !el.closest("summary")) return false;
    if (/rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(cs.clip) || /inset\(50%|inset\(100%/.test(cs.clipPath)) return false;
    return true;
  };
  const inViewport = (el) => {
    const r = el.getBoundingClientRect();
    return r.width >= 1 && r.right > 0 && r.left < innerWidth && r.bottom + scrollY > 0;
  };
  const behind = (el) => {
    const d = el.closest("details:not([open])");
    if (d && !el.closest("summary")) return true;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      if (e.id && document.querySelector('[aria-controls="' + CSS.escape(e.id) + '"]')) return !isVisible(el);
    }
    return false;
  };
  const blockOf = (el, root) => {
    let e = el;
    while (e !== root && e.parentElement && e.parentElement !== root && /^inline/.test(getComputedStyle(e).display)) e = e.parentElement;
    return e;
  };
  const facts = (el, text, root, fromAttr) => ({
    text: cut(text.replace(/\s+/g, " ").trim(), 300),
    visible: fromAttr ? false : isVisible(el),
    fontSizePx: parseFloat(getComputedStyle(el).fontSize) || null,
    contrast: fromAttr ? null : contrast(el),
    inViewport: fromAttr ? false : inViewport(el),
    insideAd: root.contains(el),
    behindInteraction: fromAttr ? true : behind(el),
  });
  const labelsOf = (root) => {
    const out = [], seen = new Set();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(), i = 0; n && i < 5000 && out.length < 8; n = walker.nextNode(), i++) {
      const t = (n.nodeValue || "").trim();
      if (t.length < 2 || t.length > 200 || !labelRe.test(t) || !n.parentElement) continue;
      if (n.parentElement.closest("script,style,noscript")) continue;
      const block = blockOf(n.parentElement, root);
      if (seen.has(block)) continue;
      seen.add(block);
      out.push(facts(block, block.textContent || t, root, false));
    }
    for (const el of root.querySelectorAll("[title],[aria-label]")) {
      const t = el.getAttribute("title") || el.getAttribute("aria-label") || "";
      if (t.length <= 200 && labelRe.test(t) && out.length < 8) out.push(facts(el, t, root, true));
    }
    const prev = root.previousElementSibling;
    if (prev && (prev.textContent || "").trim().length <= 80 && labelRe.test(prev.textContent || "")) out.push(facts(prev, prev.textContent || "", root, false));
    return out;
  };
  const describe = (root, key) => {
    const r = root.getBoundingClientRect();
    const frames = [...root.querySelectorAll("iframe")].slice(0, 4).map((f, k) => {
      f.setAttribute("data-polad-frame", key + "-" + k);
      const fr = f.getBoundingClientRect();
      return { key: key + "-" + k, src: f.src || "", width: Math.round(fr.width), height: Math.round(fr.height) };
    });
    const html = root.outerHTML.replace(/ data-polad-(slot|kind|frame)="[^"]*"/g, "");
    return {
      key,
      kind: root.getAttribute("data-polad-kind") || "frame-body",
      text: cut(root.innerText || "", args.maxText),
      html: cut(html, args.maxHtml),
      labels: labelsOf(root),
      links: [...root.querySelectorAll("a[href]")].slice(0, args.maxLinks).map((a) => ({ href: a.href, text: cut((a.innerText || a.textContent || "").trim(), 200) })),
      images: [...root.querySelectorAll("img[src]")].slice(0, 20).map((i) => i.src),
      frames,
      rect: { x: Math.round(r.left + scrollX), y: Math.round(r.top + scrollY), width: Math.round(r.width), height: Math.round(r.height) },
      viewport: { width: innerWidth, height: innerHeight },
      url: location.href,
    };
  };
  if (args.wholeBody) return document.body ? [describe(document.body, args.key)] : [];
  return [...document.querySelectorAll("[" + args.attr + "]")].map((el) => describe(el, el.getAttribute(args.attr)));
}`;
