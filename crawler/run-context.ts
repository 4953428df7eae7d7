import { adInputSchema } from "../common/ad-input.js";
import type { Capture, FetchedNotice } from "../common/capture.js";
import { writeCaptureFiles } from "../store/queries/ads.js";
import { keepNoticeOriginal } from "../store/queries/notice-originals.js";
import { recordNoticeProbe, type ProbeOutcome } from "../store/queries/notice-probes.js";
import { addFrontierUrls } from "../store/queries/frontier-jobs.js";
import { detectChallenge } from "./challenge.js";
import { crawlDb } from "./db-call.js";
import { Blocked, classifyError, GiveUp, RetryLater, StopRun } from "./errors.js";
import { boundedFetch, retryAfterMs } from "./http.js";
import { isPdf, PDF_TEXT_CONTENT_TYPE, pdfToText } from "./pdf-text.js";
import type { RunState } from "./run-state.js";
import type { FetchInit, FetchResult, SourceContext, WorkItem } from "./source.js";

const NOTICE_MAX_BYTES = 2_000_000;

/** A polite GET: address guard, robots.txt, host pacing, 429/503 waited out (bounded), challenge pages are Blocked. */
export async function politeFetch(st: RunState, url: string, init: FetchInit = {}, maxBytes = 5_000_000): Promise<FetchResult> {
  const u = await st.guard.check(url);
  const robots = await st.robots.check(u.href);
  if (!robots.allowed) throw new GiveUp("robots-disallowed", `robots.txt disallows ${u.href}`);
  for (let attempt = 1; ; attempt++) {
    spendRequest(st, u.href);
    if (attempt > 1 || !init.alreadyPaced) await st.gate.pace(u.host, st.signal, robots.crawlDelayMs);
    const res = await boundedFetch(u.href, { guard: st.guard, signal: st.signal, userAgent: st.userAgent, headers: init.headers, method: init.method, body: init.body, maxBytes, timeoutMs: st.politeness.navTimeoutMs });
    // Checked before the status: Google answers its "unusual traffic" wall with 429, which is a block, not a rate limit.
    const challenge = detectChallenge(res.body, res.status);
    if (challenge) throw new Blocked("bot-challenge", `bot challenge (${challenge}) at ${u.href}`);
    if (res.status === 429 || res.status === 503) {
      const wait = retryAfterMs(res.headers["retry-after"]) ?? st.politeness.backoffBaseMs * 2 ** attempt;
      if (attempt >= 2 || wait > st.politeness.maxRetryAfterMs) throw new RetryLater(`http-${res.status}`, `${res.status} from ${u.href}`, { retryAfterMs: wait });
      st.gate.pause(u.host, wait);
      continue;
    }
    return res;
  }
}

/** Counts one request against the run's budget; a spent budget stops the run (resumable: the same command continues it). */
function spendRequest(st: RunState, url: string): void {
  const budget = st.politeness.maxRequests;
  if (budget > 0 && st.counters.requests >= budget) throw new StopRun("request-budget", `request budget of ${budget} spent before ${url.slice(0, 200)}`);
  st.counters.requests++;
}

/** Fetches and archives a notice once per run; failures become a notice with an error, never an exception. */
export function fetchNoticeOnce(st: RunState, url: string): Promise<FetchedNotice> {
  let p = st.notices.get(url);
  if (!p) {
    p = fetchNotice(st, url);
    st.notices.set(url, p);
  }
  return p;
}

async function fetchNotice(st: RunState, url: string): Promise<FetchedNotice> {
  const fetchedAt = st.now().toISOString();
  try {
    const res = await politeFetch(st, url, { headers: { accept: "text/html,application/json;q=0.9,application/pdf;q=0.8,*/*;q=0.5" } }, NOTICE_MAX_BYTES);
    st.counters.notices++;
    const ok = res.status >= 200 && res.status < 300;
    const notice: FetchedNotice = { url, finalUrl: res.finalUrl, status: res.status, headers: res.headers, contentType: res.headers["content-type"] ?? null, body: res.body, redirects: res.redirects, fetchedAt, error: ok ? null : `http-${res.status}` };
    const pdf = ok && ((notice.contentType ?? "").toLowerCase().includes("application/pdf") || isPdf(res.bytes));
    return pdf ? await pdfNotice(st, notice, res.bytes) : notice;
  } catch (err) {
    const e = classifyError(err);
    if (e instanceof StopRun) throw e;
    st.log.info({ url, reason: e.reason }, "notice not fetched");
    return { url, finalUrl: url, status: 0, headers: {}, contentType: null, body: "", redirects: [], fetchedAt, error: `${e.reason}: ${e.message}` };
  }
}

/** A PDF notice: its text becomes the body (typed application/pdf for the classifier); the original bytes are kept as evidence. */
async function pdfNotice(st: RunState, n: FetchedNotice, bytes: Buffer): Promise<FetchedNotice> {
  try {
    await crawlDb(st, "keep notice original", () => keepNoticeOriginal(st.store.db, st.store.evidenceDir, st.runId, { url: n.url, bytes, kind: "notice-pdf" }));
  } catch (err) {
    throw asStopIfEvidence(st, err);
  }
  const text = await pdfToText(bytes).then(
    (t) => ({ body: t, error: null }),
    (err: unknown) => (st.log.info({ url: n.url, err: (err as Error).message }, "notice PDF unreadable"), { body: "", error: `pdf-unreadable: ${(err as Error).message.slice(0, 200)}` }),
  );
  return { ...n, contentType: PDF_TEXT_CONTENT_TYPE, body: text.body, error: text.error };
}

/**
 * Validates captures (OCR first where a label may be drawn in a picture), writes their evidence files
 * and commits them (with other pages' that finish meanwhile: CaptureBatcher); with `settle` (the
 * item's URL), marks the item done in the same transaction, with or without captures. Returns whether it did.
 */
async function emit(st: RunState, caps: Capture[], settle?: string, waiting?: () => void): Promise<boolean> {
  const valid: Capture[] = [];
  for (const cap of caps) {
    const ocrText = st.ocr ? await st.ocr.textFor(cap) : null;
    const parsed = adInputSchema.safeParse(ocrText ? { ...cap.ad, ocr_text: ocrText.slice(0, 20_000) } : cap.ad);
    if (!parsed.success) throw new GiveUp("invalid-ad", `source produced an invalid ad: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`);
    valid.push({ ...cap, ad: parsed.data });
  }
  if (valid.length === 0 && settle === undefined) return false;
  const saved = await writeCaptureFiles(st.store.evidenceDir, valid)
    .then((files) => {
      waiting?.();
      return st.captures.save({ caps: valid, files, settle }, { gather: waiting !== undefined });
    })
    .catch((err: unknown) => {
      throw asStopIfEvidence(st, err);
    });
  st.counters.captures += saved.length;
  st.counters.newObservations += saved.filter((s) => s.observationNew).length;
  return settle !== undefined;
}

const FS_CODES = new Set(["ENOTDIR", "ENOSPC", "EACCES", "EPERM", "EROFS", "EDQUOT", "EISDIR", "EEXIST"]);

/** A failure to write an evidence file (the store's own message, or a filesystem error code anywhere in the cause chain). */
export function isEvidenceWriteError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (/cannot write evidence|not a writable directory/.test(e.message)) return true;
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === "string" && FS_CODES.has(code)) return true;
  }
  return false;
}

/** Every later capture would fail the same way: an evidence write failure stops the run with the reason instead of failing each item. */
function asStopIfEvidence(st: RunState, err: unknown): unknown {
  return isEvidenceWriteError(err) ? new StopRun("evidence-unwritable", `evidence cannot be written to ${st.store.evidenceDir}: ${(err as Error).message}`, { cause: err }) : err;
}

async function recordProbe(st: RunState, n: FetchedNotice): Promise<ProbeOutcome> {
  const outcome = await crawlDb(st, "record notice probe", () => recordNoticeProbe(st.store.db, st.store.evidenceDir, st.runId, n)).catch((err: unknown) => {
    throw asStopIfEvidence(st, err);
  });
  st.counters.probes[outcome] = (st.counters.probes[outcome] ?? 0) + 1;
  return outcome;
}

async function enqueue(st: RunState, parent: WorkItem, items: Parameters<SourceContext["enqueue"]>[0]): Promise<void> {
  const room = st.options.maxPages - st.frontierSize;
  if (room <= 0 || items.length === 0) return;
  const clean = items.map((i) => ({ url: i.url.replace(/#.*$/, ""), kind: i.kind ?? parent.kind, depth: i.depth ?? parent.depth + 1, payload: i.payload ?? {} }));
  const unique = [...new Map(clean.map((i) => [i.url, i])).values()].slice(0, room);
  const added = await crawlDb(st, "add to frontier", () => addFrontierUrls(st.store.db, st.runId, unique));
  st.frontierSize += added.length;
  if (added.length > 0 && st.onNewWork) await st.onNewWork(added);
}

/**
 * What an item gives up while it waits for a browser page and takes back to render: its place among
 * the items working without a browser, and its host slot (it makes no request while it waits, and
 * the page's requests are paced like any other). Nothing is held while waiting for a page, so
 * waiting cannot deadlock against items that hold a page and wait for their host. `exit` gives the
 * host slot up again (idempotent): when the page has loaded, or when the render ends.
 */
export interface BrowserHandover { leave(): void; enter(): Promise<void>; exit(): void }

/** The context a source sees while it handles one item. */
export function makeContext(st: RunState, item: WorkItem, handover?: BrowserHandover, outcome?: { settled: boolean }): SourceContext {
  return {
    runId: st.runId,
    log: st.log.child({ url: item.url }),
    userAgent: st.userAgent,
    now: st.now,
    signal: st.signal,
    fetch: (url, init) => politeFetch(st, url, init),
    withPage: async (fn) => {
      if (!handover) return (await st.browser()).withPage((page) => fn(page, { loaded: () => undefined }));
      handover.leave();
      return (await st.browser()).withPage(async (page) => {
        await handover.enter();
        try {
          return await fn(page, { loaded: () => handover.exit() });
        } finally {
          handover.exit();
        }
      });
    },
    fetchNotice: (url, o) => (o?.fresh ? fetchNotice(st, url) : fetchNoticeOnce(st, url)),
    emit: async (cap) => void (await emit(st, [cap])),
    emitAll: async (caps, o) => {
      // Only a caller that reads the outcome (handleItem) lets the capture settle the item.
      // The item's last step: while its commit waits for the next batch, its place and host slot go to the next item.
      const last = o?.last === true && outcome !== undefined;
      const settled = await emit(st, caps, last ? item.url : undefined, last ? () => handover?.leave() : undefined);
      if (settled && outcome) outcome.settled = true;
    },
    recordNotice: (n) => recordProbe(st, n),
    enqueue: (items) => enqueue(st, item, items),
    count: (what, n = 1) => void (st.counters.skipped[what] = (st.counters.skipped[what] ?? 0) + n),
  };
}

/** Backoff before attempt `attempt + 1`: exponential with full jitter, capped at 30 s; Retry-After wins when given. */
export function backoffMs(st: RunState, attempt: number, retryAfter: number | null): number {
  if (retryAfter !== null) return Math.min(retryAfter, st.politeness.maxRetryAfterMs);
  const cap = Math.min(30_000, st.politeness.backoffBaseMs * 2 ** (attempt - 1));
  return Math.round(cap / 2 + Math.random() * (cap / 2));
}

