/** HTML that is already safe to emit: produced only by the `html` tag or by trusted view code. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => ESC[c] ?? c);
}

/** Interpolated value kinds the `html` tag accepts. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | Date | HtmlValue[];

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false || v === true) return "";
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  if (v instanceof Date) return escapeHtml(v.toISOString());
  return escapeHtml(String(v));
}

/**
 * The one way views build markup: every interpolated value is escaped unless it is itself SafeHtml
 * built by this tag. Scraped strings can therefore never inject markup.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i] as HtmlValue) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

/** Bounds a scraped string before display, so one huge creative cannot blow up a page. */
export function bound(s: string | null | undefined, max = 2000): string {
  if (!s) return "";
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
