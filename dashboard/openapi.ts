import { EXPORT_COLUMNS, EXPORT_LISTS } from "./export-rows.js";

const FILTER_PARAMS = [
  { name: "from", description: "Ads last seen on or after this day (YYYY-MM-DD, UTC)", schema: { type: "string", format: "date" } },
  { name: "to", description: "Ads first seen on or before this day (YYYY-MM-DD, UTC, inclusive)", schema: { type: "string", format: "date" } },
  { name: "source", description: "Source id", schema: { type: "string" } },
  { name: "publisher", description: "Publisher name", schema: { type: "string" } },
  { name: "party", description: "Party as attributed by the classifier; '-' for none", schema: { type: "string" } },
  { name: "rule", description: "Rule id, e.g. ttpa.11-1-a.label-missing", schema: { type: "string" } },
  { name: "severity", schema: { type: "string", enum: ["critical", "high", "medium", "low", "info"] } },
  { name: "review", schema: { type: "string", enum: ["open", "confirmed", "dismissed"] } },
  { name: "q", description: "Text search in ad text, sponsor, label and publisher", schema: { type: "string", maxLength: 200 } },
  { name: "page", description: "1-based page (ads and findings only; 50 per page, stable order)", schema: { type: "integer", minimum: 1 } },
].map((p) => ({ in: "query", required: false, ...p }));

function listPath(list: (typeof EXPORT_LISTS)[number]) {
  const props = Object.fromEntries(EXPORT_COLUMNS[list].map((c) => [c, { type: ["string", "number", "boolean", "null"] }]));
  return {
    get: {
      summary: `List ${list} under the filters`,
      parameters: FILTER_PARAMS,
      responses: {
        "200": { description: "OK", content: { "application/json": { schema: { type: "object", properties: { list: { type: "string" }, page: { type: "integer" }, pageSize: { type: "integer" }, filter: { type: "object" }, rows: { type: "array", items: { type: "object", properties: props } } } } } } },
        "400": { description: "A filter parameter is invalid" },
      },
    },
  };
}

/** The OpenAPI 3.1 description of the read-only JSON API. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, unknown> = {
    "/api/overview": { get: { summary: "Headline counts, violations by severity, party and publisher, source status", parameters: FILTER_PARAMS, responses: { "200": { description: "OK" } } } },
    "/api/rule-info": { get: { summary: "Every rule with its article, title, severity and plain-language text", responses: { "200": { description: "OK" } } } },
    "/api/ads/{id}": {
      get: {
        summary: "One ad with verdict, findings, sightings (evidence hashes) and archived notice fetches",
        parameters: [{ in: "path", name: "id", required: true, schema: { type: "integer" } }],
        responses: { "200": { description: "OK" }, "404": { description: "No such ad" } },
      },
    },
  };
  for (const list of EXPORT_LISTS) paths[`/api/${list}`] = listPath(list);
  return {
    openapi: "3.1.0",
    info: { title: "polad dashboard API", version: "1", description: "Read-only access to political ads, findings under Regulation (EU) 2024/900, and platform-enforcement signals." },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "Required when the dashboard runs with access tokens" } } },
    security: [{}, { bearer: [] }],
    paths,
  };
}
