import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { crawlProgressBar, crawlSummaryLines } from "../../bin/pipeline/progress.js";

function stream(tty: boolean): { s: NodeJS.WriteStream; out: () => string } {
  let text = "";
  const w = new Writable({ write(chunk: Buffer, _enc, cb) { text += chunk.toString(); cb(); } }) as unknown as NodeJS.WriteStream;
  (w as { isTTY?: boolean }).isTTY = tty;
  return { s: w, out: () => text };
}

describe("crawl progress and summary", () => {
  it("draws a bar of pages done out of pages known on a terminal, with ads, errors and rate, and ends the line", () => {
    const t = stream(true);
    const bar = crawlProgressBar(t.s);
    bar.tick({ source: "publisher", pages: 3, captures: 7, frontier: 6, errors: 1 });
    bar.tick({ source: "publisher", pages: 6, captures: 9, frontier: 6, errors: 1 });
    bar.done();
    const lines = t.out().split("\r").filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^publisher +\[#{12}\.{12}\] 3\/6 pages, 7 ads, 1 errors, \d+\.\d pages\/s/);
    expect(lines[1]).toMatch(/\[#{24}\] 6\/6 pages, 9 ads/);
    expect(t.out().endsWith("\n")).toBe(true);
  });

  it("writes nothing off a terminal (the structured logs carry progress there)", () => {
    const t = stream(false);
    const bar = crawlProgressBar(t.s);
    bar.tick({ source: "publisher", pages: 1, captures: 1, frontier: 2, errors: 0 });
    bar.done();
    expect(t.out()).toBe("");
  });

  it("summarises each run in one line", () => {
    const [line] = crawlSummaryLines([{ runId: 4, source: "meta-ad-library", status: "done", resumed: true, stats: { pages: 12, ads: 30, observations: 31, notices: 2, blocked: 1, errorCount: 3, durationMs: 4_250 } }]);
    expect(line).toBe("run 4 meta-ad-library: done (resumed), 12 pages, 30 ads, 31 sightings, 2 notices, 1 blocked, 3 errors, 4.3 s");
  });
});
