import { settleFrontier, type FrontierItem } from "../store/queries/runs.js";
import { crawlDb } from "./db-call.js";
import { Blocked, classifyError, GiveUp, RetryLater, StopRun } from "./errors.js";
import { backoffMs, makeContext, type BrowserHandover } from "./run-context.js";
import type { RunState } from "./run-state.js";

/**
 * Handles one frontier item the same way in runCrawl and in `polad worker`: host gate, robots.txt, the
 * source's handler, then the frontier row settled. Returns "settled", a retry delay in ms (the row is
 * left for the caller to schedule again), or the StopRun that ends the run.
 */
export async function handleItem(st: RunState, item: FrontierItem, attempt: number): Promise<"settled" | number | StopRun> {
  const host = URL.canParse(item.url) ? new URL(item.url).host : "invalid";
  // A run stopped (StopRun, Ctrl-C) while this item waited for its turn or its host: nothing was done, nothing to settle.
  const aborted = (err: unknown) => {
    if (st.signal.aborted) return null;
    throw err;
  };
  const lane = st.lanes ? await st.lanes.acquire(st.signal).catch(aborted) : () => undefined;
  if (!lane) return "settled";
  const first = await st.gate.acquire(host, st.signal).catch(aborted);
  if (!first) {
    lane();
    return "settled";
  }
  let release = first;
  const handover: BrowserHandover = {
    leave: () => {
      lane();
      release();
    },
    enter: async () => {
      release = await st.gate.acquire(host, st.signal);
    },
    exit: () => release(),
  };
  try {
    const robots = item.url.startsWith("http") ? await st.robots.check(item.url) : { allowed: true, crawlDelayMs: 0 };
    if (!robots.allowed) throw new GiveUp("robots-disallowed", `robots.txt disallows ${item.url}`);
    if (robots.crawlDelayMs) st.gate.pause(host, robots.crawlDelayMs);
    // The handler's last capture may have marked the item done in its own transaction.
    const outcome = { settled: false };
    await st.source.handle({ ...item, attempts: attempt }, makeContext(st, { ...item, attempts: attempt }, handover, outcome), st.options);
    if (!outcome.settled) await crawlDb(st, "settle frontier item", () => settleFrontier(st.store.db, st.runId, item.url, "done"));
    st.counters.pages++;
    return "settled";
  } catch (err) {
    if (st.signal.aborted) return "settled";
    const e = classifyError(err);
    // A StopRun, including a database that stayed unreachable: the item stays in progress for the resumed run.
    if (e instanceof StopRun) return e;
    st.log.info({ url: item.url, reason: e.reason, attempt, err: e.message }, "work item failed");
    if (e instanceof RetryLater && attempt < st.politeness.maxAttempts) {
      st.counters.retries++;
      const wait = backoffMs(st, attempt, e.retryAfterMs);
      if (e.retryAfterMs !== null) st.gate.pause(host, wait);
      return wait;
    }
    if (e instanceof Blocked) st.gate.pause(host, st.politeness.blockedPauseMs);
    st.counters.errors[e.reason] = (st.counters.errors[e.reason] ?? 0) + 1;
    try {
      await crawlDb(st, "settle frontier item", () => settleFrontier(st.store.db, st.runId, item.url, e instanceof Blocked ? "blocked" : "failed", e.reason));
    } catch (settleErr) {
      if (settleErr instanceof StopRun) return settleErr;
      throw settleErr;
    }
    return "settled";
  } finally {
    lane();
    release();
  }
}
