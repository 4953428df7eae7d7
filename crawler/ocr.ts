/**
 * OCR of an ad's element screenshot (issue 5): the text of labels and messages that exist only inside the picture.
 * Runs at capture time in the crawler and is stored in the AdInput field `ocr_text`; the pure classifier reads that
 * field and says when a decision rests on it. tesseract.js (WebAssembly, in a worker thread) with the Dutch and
 * English LSTM models from the @tesseract.js-data packages: read from node_modules, never downloaded, never cached.
 */
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Worker } from "tesseract.js";

/** Languages whose model ships with polad. */
export type OcrLanguage = "nld" | "eng";

/** Text read from one image, with tesseract's mean confidence (0–100). */
export interface OcrResult {
  text: string;
  confidence: number;
}

/** OCR could not start or could not read the image. */
export class OcrError extends Error {
  override name = "OcrError";
}

const MAX_IMAGE_BYTES = 15_000_000;
const MAX_TEXT = 20_000;
const require = createRequire(import.meta.url);

// The LSTM-only "best_int" models: a quarter of the size of the legacy+LSTM ones, and the LSTM engine is used.
// tesseract.js reads every language from one langPath, and each language ships in its own package: link the
// packaged files into one private temporary folder. (Passing the data in memory trips a tesseract.js 7.0.0 bug:
// initialize() joins the data instead of the codes.)
async function languageDir(langs: readonly OcrLanguage[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "polad-ocr-"));
  for (const lang of langs) {
    const pkg = path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    await symlink(path.join(pkg, "4.0.0_best_int", `${lang}.traineddata.gz`), path.join(dir, `${lang}.traineddata.gz`));
  }
  return dir;
}

/** One OCR worker, reused for many screenshots; close it when the crawl ends. */
export class OcrRunner {
  private constructor(private readonly worker: Worker, private readonly langDir: string) {}

  /** Start a worker with the given languages (default Dutch and English). */
  static async create(langs: readonly OcrLanguage[] = ["nld", "eng"]): Promise<OcrRunner> {
    const dir = await languageDir(langs);
    try {
      const { createWorker, OEM } = await import("tesseract.js");
      const worker = await createWorker([...langs], OEM.LSTM_ONLY, { langPath: dir, cacheMethod: "none", gzip: true });
      return new OcrRunner(worker, dir);
    } catch (cause) {
      await rm(dir, { recursive: true, force: true });
      throw new OcrError("OCR worker could not start", { cause });
    }
  }

  /** Read the text in a PNG or JPEG (bounded size); lines are kept, runs of blanks collapsed. */
  async recognize(image: Buffer): Promise<OcrResult> {
    if (image.length === 0 || image.length > MAX_IMAGE_BYTES) throw new OcrError(`image of ${image.length} bytes is empty or too large for OCR`);
    try {
      const { data } = await this.worker.recognize(image);
      const text = data.text.split("\n").map((l) => l.replace(/\s+/g, " ").trim()).filter((l) => l.length > 0).join("\n");
      return { text: text.slice(0, MAX_TEXT), confidence: Math.round(data.confidence) };
    } catch (cause) {
      throw new OcrError("OCR failed on the image", { cause });
    }
  }

  /** Stop the worker thread. */
  async close(): Promise<void> {
    try {
      await this.worker.terminate();
    } finally {
      await rm(this.langDir, { recursive: true, force: true });
    }
  }
}
