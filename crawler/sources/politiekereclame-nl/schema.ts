/**
 * The politiekereclame.nl public statements API as seen from outside (zod at the edge). Shape checked
 * against real material: Open State's mirror (openstate/politieke-reclame get-statements.py: GET
 * /api/public/statements?page=N&limit=L, `items` + `meta.filter_count`), Coretteket/politieke-reclame
 * (`meta.total_count`, `meta.limit`, statement pages at /transparantie-verklaringen/<public_id>),
 * favstats/reclamer (`q` and `theme` filters) and the 118 real statements in
 * ../shared/data/real/openstate-politiekereclame-nl-statements. Statements are lenient: every field
 * the platform adds later is kept (passthrough), fields it leaves out are null.
 */
import { z } from "zod";

const text = z.string().max(100_000).nullish();

/** One transparency statement (verklaring), Dutch field names as the API gives them. */
export const statementSchema = z
  .object({
    id: z.string().min(1).max(200),
    public_id: z.string().min(1).max(64),
    name: text,
    theme: text,
    theme_link: z.object({ id: z.number().nullish(), label: text, status: text, date: text }).passthrough().nullish(),
    date_published: text,
    date_created: text,
    date_updated: text,
    organization_created: z.object({ id: text, name: text }).passthrough().nullish(),
    opdrachtgever_naam_organisatie: text,
    opdrachtgever_registratienummer_kiesraad: text,
    betalende_naam_organisatie: text,
    gezaghebbende_naam_organisatie: text,
    campagne_periode_startdatum: text,
    campagne_periode_einddatum: text,
    betaalde_media_waarde_euro: z.union([z.string().max(64), z.number()]).nullish(),
    totale_waarde_campagne_euro: z.union([z.string().max(64), z.number()]).nullish(),
    gebruikte_targeting_techniek: text,
    oorsprong_ontvangen_bedragen: text,
    ingezette_media: text,
    reclame_boodschap: text,
  })
  .passthrough();

/** A validated statement. */
export type Statement = z.infer<typeof statementSchema>;

/** One page of the statements API: items (validated one by one) and the paging facts. */
export const statementsPageSchema = z.object({
  items: z.array(z.unknown()).max(10_000),
  meta: z
    .object({ total_count: z.number().int().nonnegative().nullish(), filter_count: z.number().int().nonnegative().nullish(), limit: z.number().int().positive().nullish() })
    .passthrough()
    .nullish(),
});
