/**
 * Reads the rendered style facts of label elements inside an ad element (font size, contrast,
 * visibility, viewport, whether a click or hover is needed), shared by the ad-library sources. The
 * in-page code is plain JavaScript text (bundler helpers such as tsx's `__name` must not leak into the
 * page) and only reads computed styles; it never runs page-supplied code.
 */
import type { Frame } from "playwright-core";
import type { LabelStyle } from "../../../common/capture.js";

/** In-page script. Input: { root, labels } selectors. Output: LabelStyle[] (at most 20). */
export const LABEL_STYLE_SCRIPT = String.raw`(args) => {
  var root = document.querySelector(args.root);
  if (!root) return [];
  function parse(c) {
    var m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
  }
  function lum(rgb) {
    var ch = rgb.slice(0, 3).map(function (v) { var s = v / 255; return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4); });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
  }
  function background(el) {
    for (var e = el; e; e = e.parentElement) {
      var bg = parse(getComputedStyle(e).backgroundColor);
      if (bg && bg[3] > 0.5) return bg;
    }
    return [255, 255, 255, 1];
  }
  function hidden(el) {
    for (var e = el; e; e = e.parentElement) {
      var st = getComputedStyle(e);
      if (st.display === "none" || st.visibility === "hidden" || Number(st.opacity) === 0) return true;
      if (e.tagName === "DETAILS" && !e.open && e !== el) { var sum = e.querySelector("summary"); if (!sum || !sum.contains(el)) return true; }
    }
    return false;
  }
  var out = [];
  var els = Array.prototype.slice.call(root.querySelectorAll(args.labels), 0, 20);
  for (var i = 0; i < els.length; i++) {
    var el = els[i];
    var st = getComputedStyle(el);
    var box = el.getBoundingClientRect();
    var fg = parse(st.color);
    var l2 = lum(background(el));
    var contrast = null;
    if (fg) { var l1 = lum(fg); contrast = Math.round(((Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)) * 100) / 100; }
    var isHidden = hidden(el) || box.width === 0 || box.height === 0;
    out.push({
      text: (el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 2000),
      visible: !isHidden,
      fontSizePx: parseFloat(st.fontSize) || null,
      contrast: contrast,
      inViewport: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
      insideAd: root.contains(el),
      behindInteraction: el.closest("details:not([open])") !== null || (isHidden && el.closest("[title],[aria-expanded='false']") !== null),
    });
  }
  return out;
}`;

/** Computed label facts for every element matching `labels` under the first `root` in `frame`. */
export async function readLabelStyles(frame: Frame, root: string, labels: string): Promise<LabelStyle[]> {
  return (await frame.evaluate(`(${LABEL_STYLE_SCRIPT})(${JSON.stringify({ root, labels })})`)) as LabelStyle[];
}
