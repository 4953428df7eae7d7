// A crawl in its own process, for the kill-and-resume test: env POLAD_CHILD = JSON { dataDir, databaseUrl?, plan }.
// Prints "progress <pages>" after every page and the summary as the last line.
import { openStore } from "../../store/db.js";
import { runCrawl } from "../../crawler/run.js";
import { CHROMIUM, TEST_POLITENESS, testLog } from "./crawl-store.js";

const cfg = JSON.parse(process.env.POLAD_CHILD ?? "{}") as { dataDir: string; databaseUrl?: string; plan: { source: string; options: Record<string, unknown> } };
const store = await openStore({ dataDir: cfg.dataDir, databaseUrl: cfg.databaseUrl });
const summary = await runCrawl({
  store, plans: [cfg.plan], maxPages: 40, concurrency: 2, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS,
  progressEvery: 1, onProgress: (p) => process.stdout.write(`progress ${p.pages}\n`),
});
await store.close();
process.stdout.write(`${JSON.stringify(summary)}\n`);
