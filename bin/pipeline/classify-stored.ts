import type { Logger } from "pino";
import { buildActorRegistry, defaultActorRegistry } from "../../classifier/actors.js";
import { classify } from "../../classifier/classify.js";
import type { Store } from "../../store/db.js";
import { listActors } from "../../store/queries/actors.js";
import { listStoredAds, saveVerdicts } from "../../store/queries/verdicts.js";

/** Re-classifies every stored ad in batches (keyset order) and stores verdicts and findings. */
export async function classifyStored(store: Store, o: { now: Date; log: Logger }): Promise<{ ads: number; political: number; findings: number }> {
  const custom = await listActors(store.db);
  const actors = custom.length ? buildActorRegistry(custom, defaultActorRegistry()) : defaultActorRegistry();
  let afterId = 0;
  const totals = { ads: 0, political: 0, findings: 0 };
  for (;;) {
    const batch = await listStoredAds(store.db, { afterId, limit: 500 });
    if (batch.length === 0) break;
    const items = batch.map((a) => ({ adId: a.adId, verdict: classify(a.input, { now: o.now, actors, labelStyles: a.labelStyles }) }));
    await saveVerdicts(store.db, items);
    for (const { verdict } of items) {
      totals.ads++;
      if (verdict.political) totals.political++;
      totals.findings += verdict.findings.length;
    }
    afterId = batch[batch.length - 1]!.adId;
    o.log.info({ classified: totals.ads }, "classify progress");
  }
  return totals;
}
