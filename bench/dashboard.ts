// Dashboard benchmark: loads N ads with 3 findings each (multi-row inserts), then times the main pages and exports
// through fastify.inject against a floor: a bare count(*) over the findings, the least any page must ask the database.
// Usage: npx tsx bench/dashboard.ts [N=20000]   (DATABASE_URL set: the server, in a schema of its own; else embedded PGlite)
import pino from "pino";
import { createDashboard } from "../dashboard/server.js";
import { importAdStream } from "../store/queries/ads.js";
import { countFindings, insertVerdictsBulk, listAdIdsOfSource } from "../store/queries/dashboard-bench.js";
import { openTestStore } from "../test/support/store.js";
import type { AdInput } from "../common/ad-input.js";

const N = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 20_000);
const RUNS = 5;
const PARTIES = ["VVD", "PVV", "GroenLinks-PvdA", "NSC", "D66", "CDA", "SP", "BBB", "JA21", "FvD", "PvdD", "ChristenUnie", "SGP", "Volt", "DENK"];
const PUBLISHERS = ["Facebook", "Instagram", "YouTube", "nu.nl", "telegraaf.nl", "ad.nl", "at5.nl", "rtl.nl", "dumpert.nl", "linkedin.com"];
const RULES: Array<[string, string]> = [
  ["ttpa.11-1-a.label-missing", "high"], ["ttpa.11-1-b.sponsor-missing", "high"], ["ttpa.11-1-e.notice-missing", "high"],
  ["ttpa.12-1.notice-incomplete", "medium"], ["ttpa.11-1-c.election-missing", "medium"], ["platform.political-ad-ban", "medium"],
];

function* ads(): Generator<AdInput> {
  const start = Date.parse("2025-09-01T00:00:00Z");
  for (let i = 0; i < N; i++) {
    const first = new Date(start + (i % 200) * 86_400_000 + i * 1000);
    yield {
      id: `b-${i}`, source: "bench", publisher: PUBLISHERS[i % PUBLISHERS.length]!, sponsor: PARTIES[i % PARTIES.length], country: "NL",
      text: `Advertentie ${i}: stem op ${PARTIES[i % PARTIES.length]} bij de verkiezingen`, label: i % 3 === 0 ? "Gesponsord" : null,
      first_seen: first.toISOString(), last_seen: new Date(first.getTime() + (i % 20) * 86_400_000).toISOString(),
    };
  }
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const store = await openTestStore();
try {
  let t = performance.now();
  await importAdStream(store.db, ads(), { now: new Date("2026-03-01T00:00:00Z") });
  const ids = await listAdIdsOfSource(store.db, "bench");
  await insertVerdictsBulk(store.db, ids.map((adId, i) => ({
    adId, political: i % 10 !== 0, party: PARTIES[i % PARTIES.length]!,
    findings: [0, 1, 2].map((k) => { const [rule, severity] = RULES[(i + k * 2) % RULES.length]!; return { rule, severity, message: `${rule} on ad ${i}` }; }),
  })), "bench");
  console.log(`${store.kind}: loaded ${N} ads, ${N * 3} findings in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const app = await createDashboard({ store, log: pino({ level: "silent" }) });
  const floor = await time(() => countFindings(store.db));
  console.log(`floor (count(*) over findings): ${floor.toFixed(1)} ms`);
  const pages = ["/", "/parties", "/publishers", "/rules", "/ads", "/ads?page=100", "/findings?severity=high", "/ads?q=verkiezingen&party=VVD",
    "/parties/VVD", "/publishers/Facebook", "/enforcement", `/ads/${ids[N >> 1]}`, "/api/overview", "/export/parties.csv", "/export/findings.csv?party=PVV"];
  for (const url of pages) {
    let status = 0;
    t = await time(async () => { status = (await app.inject({ method: "GET", url })).statusCode; });
    console.log(`${url.padEnd(34)} ${String(status).padEnd(4)} ${t.toFixed(1).padStart(8)} ms  ${(t / floor).toFixed(1).padStart(6)}x floor`);
  }
  await app.close();
} finally {
  await store.close();
}
