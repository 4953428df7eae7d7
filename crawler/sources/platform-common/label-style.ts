/**
 * Reads the rendered style facts of label elements inside an ad element (font size, contrast,
 * visibility, viewport, whether a click or hover is needed), shared by the ad-library sources. The
 * page function only reads computed styles; it never runs page-supplied code.
 */
import type { Locator } from "playwright-core";
import type { LabelStyle } from "../../../common/capture.js";

/** Computed label facts for every element under `ad` matching `selector` (bounded to 20). */
export async function readLabelStyles(ad: Locator, selector: string): Promise<LabelStyle[]> {
  return ad.evaluate((root, sel) => {
    const parse = (c: string): [number, number, number, number] | null => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
    };
    const lum = (rgb: [number, number, number, number]): number => {
      const ch = rgb.slice(0, 3).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (ch[0] ?? 0) + 0.7152 * (ch[1] ?? 0) + 0.0722 * (ch[2] ?? 0);
    };
    const background = (el: Element | null): [number, number, number, number] => {
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg[3] > 0.5) return bg;
      }
      return [255, 255, 255, 1];
    };
    const hidden = (el: Element): boolean => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const st = getComputedStyle(e);
        if (st.display === "none" || st.visibility === "hidden" || Number(st.opacity) === 0) return true;
        if (e.tagName === "DETAILS" && !(e as HTMLDetailsElement).open && e !== el && !e.querySelector("summary")?.contains(el)) return true;
      }
      return false;
    };
    const out = [];
    for (const el of Array.from(root.querySelectorAll(sel)).slice(0, 20)) {
      const st = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const fg = parse(st.color);
      const l1 = fg ? lum(fg) : null;
      const l2 = lum(background(el));
      const contrast = l1 === null ? null : (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      const isHidden = hidden(el) || box.width === 0 || box.height === 0;
      const inViewport = box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
      const behind = el.closest("details:not([open])") !== null || (isHidden && el.closest("[title],[aria-expanded='false']") !== null);
      out.push({
        text: (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 2000),
        visible: !isHidden,
        fontSizePx: Number.parseFloat(st.fontSize) || null,
        contrast: contrast === null ? null : Math.round(contrast * 100) / 100,
        inViewport,
        insideAd: true,
        behindInteraction: behind,
      });
    }
    return out;
  }, selector);
}
