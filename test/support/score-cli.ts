// Scores a demo store against the sandbox truth: `npx tsx test/support/score-cli.ts <data-dir>/demo`.
import { startSandbox } from "../../sandbox/server.js";
import { openStore } from "../../store/db.js";
import { listJudgedAds } from "../../store/queries/scorecard.js";
import { score } from "./score.js";

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write("usage: tsx test/support/score-cli.ts <embedded data dir of a demo>\n");
  process.exit(2);
}
const sandbox = await startSandbox();
await sandbox.close();
const store = await openStore({ dataDir });
const s = score(sandbox.truth, await listJudgedAds(store.db));
await store.close();
process.stdout.write(JSON.stringify(s, null, 2) + "\n");
