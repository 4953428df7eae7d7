/** Progress for long work: a rewritten line on a TTY, a line every 50,000 items otherwise (stderr). */
export function progressReporter(what: string): (n: number) => void {
  const tty = process.stderr.isTTY;
  let last = 0;
  const started = Date.now();
  return (n: number) => {
    if (!tty && n - last < 50_000) return;
    last = n;
    const rate = Math.round(n / Math.max(0.001, (Date.now() - started) / 1000));
    process.stderr.write(tty ? `\r${what} ${n} (${rate}/s)   ` : `${what} ${n} (${rate}/s)\n`);
  };
}

/** What a crawl reports every few pages (the shape of crawler/run.ts CrawlProgress). */
interface CrawlTick { source: string; pages: number; captures: number; frontier: number; errors: number }

/**
 * A crawl's progress on a TTY: one rewritten line with a bar of pages done out of pages known,
 * captures, errors and the rate. Off a TTY it does nothing: the crawler's structured logs carry the
 * same numbers. (A single rewritten line; a progress-bar library would add nothing here.)
 */
export function crawlProgressBar(stream: NodeJS.WriteStream = process.stderr): { tick(p: CrawlTick): void; done(): void } {
  if (!stream.isTTY) return { tick: () => undefined, done: () => undefined };
  const started = Date.now();
  let drawn = false;
  return {
    tick(p) {
      const width = 24;
      const filled = p.frontier > 0 ? Math.min(width, Math.round((p.pages / p.frontier) * width)) : 0;
      const rate = p.pages / Math.max(0.001, (Date.now() - started) / 1000);
      stream.write(`\r${p.source.slice(0, 24).padEnd(24)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${p.pages}/${p.frontier} pages, ${p.captures} ads, ${p.errors} errors, ${rate.toFixed(1)} pages/s  `);
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}

/** One line per run at the end of a crawl: what a person reads instead of the JSON summary. */
export function crawlSummaryLines(runs: Array<{ runId: number; source: string; status: string; resumed: boolean; stats: Record<string, unknown> }>): string[] {
  const n = (v: unknown) => Number(v ?? 0);
  return runs.map((r) => {
    const s = r.stats;
    const secs = (n(s.durationMs) / 1000).toFixed(1);
    return `run ${r.runId} ${r.source}: ${r.status}${r.resumed ? " (resumed)" : ""}, ${n(s.pages)} pages, ${n(s.ads)} ads, ${n(s.observations)} sightings, ${n(s.notices)} notices, ${n(s.blocked)} blocked, ${n(s.errorCount)} errors, ${secs} s`;
  });
}
