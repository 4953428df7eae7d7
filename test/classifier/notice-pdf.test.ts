import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromium } from "playwright-core";
import { parseNotice } from "../../classifier/notice.js";
import { PDF_TEXT_CONTENT_TYPE, PdfTextError, isPdf, pdfToText } from "../../crawler/pdf-text.js";

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const NOTICE_HTML = `<h1>Transparantieverklaring politieke reclame</h1>
<p>Opdrachtgever: Vereniging D66 afdeling Utrecht</p><p>E-mailadres: info@d66utrecht.example</p>
<p>Adres: Oudegracht 1, 3511 AA Utrecht</p><p>Gezaghebbende entiteit: n.v.t.</p>
<table><tr><td>Periode:</td><td>01-02-2026 tot 18-03-2026</td></tr></table>
<p>Bedragen: € 2.500 betaalde media</p><p>Herkomst van de middelen: particulier, binnen de EU</p>
<p>Verkiezing: Gemeenteraadsverkiezingen 2026</p><p>Targeting: geen</p>`;

describe("PDF notices: rendered by Chromium, read by pdf.js, judged by parseNotice", () => {
  let browser: Browser;
  let pdf: Buffer;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
    const page = await browser.newPage();
    await page.setContent(NOTICE_HTML);
    pdf = await page.pdf({ format: "A4" });
  }, 60_000);
  afterAll(async () => browser?.close());

  it("reads the Art. 12(1) elements from a PDF notice", async () => {
    expect(isPdf(pdf)).toBe(true);
    const text = await pdfToText(pdf);
    expect(text).toMatch(/Opdrachtgever: Vereniging D66 afdeling Utrecht/);
    const facts = parseNotice(text, PDF_TEXT_CONTENT_TYPE);
    expect(facts.format).toBe("pdf");
    expect(facts.isNotice).toBe(true);
    expect(facts.sponsor).toBe("Vereniging D66 afdeling Utrecht");
    expect(facts.sponsorEmail).toBe("info@d66utrecht.example");
    expect(facts.period).toEqual({ start: "01-02-2026", end: "18-03-2026" });
    expect(facts.election).toMatch(/Gemeenteraadsverkiezingen 2026/);
    expect(facts.notApplicable).toContain("controller");
    expect(facts.found).toEqual(expect.arrayContaining(["sponsor", "sponsorContact", "sponsorAddress", "period", "amounts", "origin", "election"]));
  }, 30_000);

  it("leaves the caller's bytes intact", async () => {
    const copy = Buffer.from(pdf);
    await pdfToText(pdf);
    expect(Buffer.compare(copy, pdf)).toBe(0);
  }, 30_000);

  it("throws PdfTextError on a corrupt PDF", async () => {
    const broken = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from("garbage ".repeat(50))]);
    await expect(pdfToText(broken)).rejects.toBeInstanceOf(PdfTextError);
  }, 30_000);

  it("does not take raw PDF bytes that were never converted for a notice", () => {
    const facts = parseNotice(pdf.toString("latin1"), PDF_TEXT_CONTENT_TYPE);
    expect(facts.isNotice).toBe(false);
    expect(facts.unreadable).toMatch(/PDF/);
  });
});
