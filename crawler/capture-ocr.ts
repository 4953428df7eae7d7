/**
 * OCR at capture time: an ad whose element shows a picture (img, canvas, video poster, SVG) and whose
 * captured text carries no political-ad statement may have its label drawn in the image. Its element
 * screenshot is read by one tesseract worker per crawl (started on first need, reused), with a bound
 * on the time per image; the text goes into the AdInput field `ocr_text` for the classifier.
 */
import type { Logger } from "pino";
import type { Capture } from "../common/capture.js";
import { OcrRunner } from "./ocr.js";

/** Statement phrases that make OCR unnecessary: the page text already says it is a political ad. */
const LABELLED = /politieke?\s+(advertentie|reclame|boodschap)|politi(cal|que)\s+(ad|advertisement|advertising|publicité)|publicité\s+politique|politische\s+(anzeige|werbung)|betaald door|paid for by|bezahlt von/i;
const PICTURE = /<(img|canvas|svg|picture)\b|\bposter\s*=|background-image\s*:\s*url\(/i;

/** OCR settings of a crawl. */
export interface CaptureOcrOptions {
  log: Logger;
  /** Longest time one image may take before the worker is replaced (default 30 s). */
  timeoutMs?: number;
}

/** True when the capture has a screenshot of a picture-bearing element and no political-ad statement in its text. */
export function needsOcr(cap: Capture): boolean {
  if (!cap.sighting.screenshotPng || cap.ad.ocr_text) return false;
  const text = [cap.ad.text, cap.ad.label, ...cap.sighting.labelStyles.map((l) => l.text)].filter(Boolean).join("\n");
  if (LABELLED.test(text)) return false;
  return PICTURE.test(cap.sighting.html ?? cap.ad.html ?? "");
}

/** One OCR worker per crawl, started lazily, one image at a time, each bounded in time. */
export class CaptureOcr {
  private runner: Promise<OcrRunner> | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  /** Images read, timed out, failed: for the run statistics. */
  readonly counts = { read: 0, timeouts: 0, failed: 0 };

  constructor(private readonly o: CaptureOcrOptions) {}

  /** The text in the capture's screenshot, or null when OCR is not needed or did not succeed (the capture is stored either way). */
  async textFor(cap: Capture): Promise<string | null> {
    if (!needsOcr(cap)) return null;
    const png = cap.sighting.screenshotPng!;
    const job = this.chain.then(() => this.read(png));
    this.chain = job.catch(() => undefined);
    return job;
  }

  private async read(png: Buffer): Promise<string | null> {
    const ms = this.o.timeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      this.runner ??= OcrRunner.create();
      const runner = await this.runner;
      const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), ms)));
      const out = await Promise.race([runner.recognize(png), timeout]);
      if (out === "timeout") {
        this.counts.timeouts++;
        this.o.log.warn({ ms }, "OCR took too long; worker replaced");
        await this.reset();
        return null;
      }
      this.counts.read++;
      return out.text || null;
    } catch (err) {
      this.counts.failed++;
      this.o.log.warn({ err: (err as Error).message }, "OCR failed; capture kept without ocr_text");
      await this.reset();
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  private async reset(): Promise<void> {
    const r = this.runner;
    this.runner = null;
    if (r) await r.then((x) => x.close()).catch((err: Error) => this.o.log.debug({ err: err.message }, "OCR worker already gone"));
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    await this.chain;
    await this.reset();
  }
}
