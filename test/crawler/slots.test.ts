import { describe, expect, it } from "vitest";
import { HostGate, Slots } from "../../crawler/host-gate.js";

/** Resolves with the outcomes, or with "still waiting" for those not settled within `ms`. */
function settleWithin<T>(ps: Array<Promise<T>>, ms: number): Promise<Array<T | "still waiting">> {
  return Promise.all(ps.map((p) => Promise.race([p, new Promise<"still waiting">((r) => setTimeout(() => r("still waiting"), ms))])));
}

describe("the run's slots and host gate", () => {
  it("Slots hold at most their size and hand a released slot to the next waiter", async () => {
    const ac = new AbortController();
    const slots = new Slots(2);
    const a = await slots.acquire(ac.signal);
    await slots.acquire(ac.signal);
    let third = false;
    const c = slots.acquire(ac.signal).then((r) => ((third = true), r));
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBe(false);
    a();
    a(); // releasing twice frees one slot only
    await c;
    expect(third).toBe(true);
    const outcomes = await settleWithin([slots.acquire(ac.signal).then(() => "got")], 50);
    expect(outcomes).toEqual(["still waiting"]);
  });

  it("a stopped run lets every waiter leave, not only the one a release wakes (Slots and HostGate)", async () => {
    const ac = new AbortController();
    const slots = new Slots(1);
    const gate = new HostGate({ concurrency: 1, intervalMs: 0 });
    const holdSlot = await slots.acquire(ac.signal);
    const holdHost = await gate.acquire("example.nl", ac.signal);
    const waiting = [
      ...[1, 2, 3].map(() => slots.acquire(ac.signal).then(() => "got", () => "left")),
      ...[1, 2, 3].map(() => gate.acquire("example.nl", ac.signal).then(() => "got", () => "left")),
    ];
    ac.abort(new Error("run stopped"));
    holdSlot();
    holdHost();
    expect(await settleWithin(waiting, 1_000)).toEqual(Array(6).fill("left"));
  });
});
