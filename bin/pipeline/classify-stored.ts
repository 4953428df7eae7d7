import type { Logger } from "pino";
import { buildActorRegistry, defaultActorRegistry } from "../../classifier/actors.js";
import { classify, type ClassifyContext } from "../../classifier/classify.js";
import type { Store } from "../../store/db.js";
import { listActors } from "../../store/queries/actors.js";
import { clusterCreatives } from "../../store/queries/creatives.js";
import { PLATFORM_BANS } from "../../dashboard/platform-bans.js";
import { refreshAggregates } from "../../store/queries/dashboard-aggregates.js";
import { listStoredAds, saveVerdicts } from "../../store/queries/verdicts.js";
import { withDbRetry } from "../../store/retry.js";

/** Re-classifies every stored ad in batches (keyset order), stores verdicts and findings, groups new ads into creatives, then refreshes the dashboard aggregates. */
export async function classifyStored(store: Store, o: { now: Date; log: Logger; rules?: Pick<ClassifyContext, "repositoryLiveFrom" | "elections"> }): Promise<{ ads: number; political: number; findings: number }> {
  const custom = await listActors(store.db);
  const actors = custom.length ? buildActorRegistry(custom, defaultActorRegistry()) : defaultActorRegistry();
  let afterId = 0;
  const totals = { ads: 0, political: 0, findings: 0 };
  for (;;) {
    const from = afterId;
    // Each batch is read and written again after a server restart; saveVerdicts is idempotent.
    const { batch, items } = await withDbRetry("classify", async () => {
      const batch = await listStoredAds(store.db, { afterId: from, limit: 500 });
      const items = batch.map((a) => ({ adId: a.adId, verdict: classify(a.input, { ...o.rules, now: o.now, actors, labelStyles: a.labelStyles }) }));
      await saveVerdicts(store.db, items);
      return { batch, items };
    }, { ...store.retry, onRetry: (attempt) => o.log.warn({ attempt }, "database unreachable; retrying classification batch") });
    if (batch.length === 0) break;
    for (const { verdict } of items) {
      totals.ads++;
      if (verdict.political) totals.political++;
      totals.findings += verdict.findings.length;
    }
    afterId = batch[batch.length - 1]!.adId;
    o.log.info({ classified: totals.ads }, "classify progress");
  }
  // Creatives before aggregates: exact and near-duplicate ads grouped, each sighting kept.
  const clustered = await withDbRetry("cluster creatives", () => clusterCreatives(store.db), { ...store.retry, onRetry: (attempt) => o.log.warn({ attempt }, "database unreachable; retrying creative clustering") });
  o.log.info({ clustered }, "creatives grouped");
  await withDbRetry("refresh aggregates", () => refreshAggregates(store.db, { bans: PLATFORM_BANS }), { ...store.retry, onRetry: (attempt) => o.log.warn({ attempt }, "database unreachable; retrying the aggregate refresh") });
  return totals;
}
