/**
 * Text of a PDF transparency notice, for the classifier's parseNotice (issue 5). Runs at capture time in the
 * crawler: pdf.js is heavy and asynchronous, the classifier is pure and synchronous. Hostile input: no eval, no
 * font loading, no scripts or XFA, bounded pages and characters; a broken file throws PdfTextError.
 */
import type { TextItem, TextMarkedContent } from "pdfjs-dist/types/src/display/api.js";

/** A PDF that pdf.js could not read (corrupt, encrypted, not a PDF). */
export class PdfTextError extends Error {
  override name = "PdfTextError";
}

/** Limits for one PDF. */
export interface PdfTextOptions {
  maxPages?: number;
  maxChars?: number;
}

/** Content type the crawler stores next to the extracted text, so that parseNotice reads it as a PDF notice. */
export const PDF_TEXT_CONTENT_TYPE = "application/pdf";

/** True when the bytes start with the PDF signature. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
}

/**
 * Extract the text of a PDF, page by page, one output line per text line (pdf.js end-of-line marks and changes of
 * baseline), so that "Opdrachtgever: X" stays on one line for parseNotice.
 */
export async function pdfToText(bytes: Uint8Array, o: PdfTextOptions = {}): Promise<string> {
  const maxPages = o.maxPages ?? 20;
  const maxChars = o.maxChars ?? 500_000;
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js transfers the buffer to its worker: give it a copy so the caller's bytes stay intact.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, enableXfa: false, stopAtErrors: false, verbosity: 0 });
  let doc;
  try {
    doc = await task.promise;
  } catch (cause) {
    throw new PdfTextError("PDF could not be read", { cause });
  }
  try {
    const pages: string[] = [];
    let total = 0;
    for (let n = 1; n <= Math.min(doc.numPages, maxPages) && total < maxChars; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = linesOf(content.items);
      pages.push(text);
      total += text.length;
      page.cleanup();
    }
    return pages.join("\n").slice(0, maxChars);
  } finally {
    await doc.destroy();
  }
}

function linesOf(items: ReadonlyArray<TextItem | TextMarkedContent>): string {
  const lines: string[] = [];
  let line = "";
  let lastY: number | null = null;
  for (const item of items) {
    if (!("str" in item)) continue;
    const y = item.transform[5] ?? 0;
    if (lastY !== null && Math.abs(y - lastY) > 2 && line.trim()) {
      lines.push(line.trim());
      line = "";
    }
    line += item.str;
    lastY = y;
    if (item.hasEOL) {
      if (line.trim()) lines.push(line.trim());
      line = "";
    }
  }
  if (line.trim()) lines.push(line.trim());
  return lines.join("\n");
}
