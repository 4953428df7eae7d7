/**
 * A minimal PDF writer for the sandbox notice host: one page, Helvetica, one text line per entry. Real
 * transparency notices are often published as PDF; the crawler must store their text, not their bytes
 * decoded as a string. Characters outside Latin-1 become "?" (WinAnsi has no glyph for them).
 */

function pdfString(s: string): string {
  const latin1 = [...s].map((c) => (c.charCodeAt(0) <= 0xff ? c : "?")).join("");
  return `(${latin1.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, " ")})`;
}

/** The bytes of a one-page PDF showing `lines` top to bottom. */
export function textPdf(lines: string[]): Buffer {
  const content = `BT /F1 10 Tf 40 800 Td 13 TL\n${lines.slice(0, 60).map((l) => `${pdfString(l)} Tj T*`).join("\n")}\nET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
  ];
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
