/** Escapes text for HTML. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside a script block: `<` and line separators escaped so the data cannot end the block. */
function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * A single-page-app shell: the HTML has no content; its script inserts the (server-escaped) fragments
 * after a tick, as a scripted library front end does, so only a rendering crawler sees the ads.
 */
export function scriptedShell(o: { title: string; lang: string; css: string; fragments: Record<string, string> }): string {
  return `<!DOCTYPE html><html lang="${esc(o.lang)}"><head><meta charset="utf-8"><title>${esc(o.title)}</title><style>${o.css}</style></head>
<body><div id="root"></div><script type="application/json" id="__state">${scriptJson(o.fragments)}</script>
<script>(function(){var d=JSON.parse(document.getElementById('__state').textContent);setTimeout(function(){var r=document.getElementById('root');for(var k in d){var s=document.createElement('div');s.setAttribute('data-part',k);s.innerHTML=d[k];r.appendChild(s);}},40);})();</script></body></html>`;
}

/** A definition list of library metadata (label → value). */
export function detailsList(rows: Array<[string, string]>): string {
  return `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>`;
}
