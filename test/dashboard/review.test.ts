import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDashboard } from "../../dashboard/server.js";
import { seedDashboard } from "../support/dashboard-seed.js";
import { openTestStore, type TestStore } from "../support/store.js";

let store: TestStore;
let app: FastifyInstance;
let ids: Map<string, number>;
const NOW = new Date("2026-04-01T12:00:00Z");
const TOKENS = [
  { name: "Anna de Vries", role: "reviewer" as const, token: "reviewer-token-0123456789" },
  { name: "Bert", role: "viewer" as const, token: "viewer-token-0123456789ab" },
];

beforeAll(async () => {
  store = await openTestStore();
  ids = await seedDashboard(store);
  app = await createDashboard({ store, log: pino({ level: "silent" }), auth: { tokens: TOKENS }, now: () => NOW });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Loads the ad page as a reviewer and returns the CSRF form token, the cookie that goes with it, and a finding id. */
async function reviewForm(adId: number, token: string) {
  const page = await app.inject({ method: "GET", url: `/ads/${adId}`, headers: bearer(token) });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const findingId = /action="\/findings\/(\d+)\/review"/.exec(page.body)?.[1];
  const cookie = [page.headers["set-cookie"]].flat().filter((c): c is string => typeof c === "string").map((c) => c.split(";")[0]).join("; ");
  return { csrf, findingId, cookie };
}

describe("access", () => {
  it("refuses pages and the API without a token when auth is configured", async () => {
    expect((await app.inject({ method: "GET", url: "/" })).statusCode).toBe(401);
    expect((await app.inject({ method: "GET", url: "/api/ads" })).statusCode).toBe(401);
    expect((await app.inject({ method: "GET", url: "/", headers: bearer("wrong-token-000000000000") })).statusCode).toBe(401);
    expect((await app.inject({ method: "GET", url: "/", headers: bearer(TOKENS[1]!.token) })).statusCode).toBe(200);
  });

  it("logs a browser in with a token cookie", async () => {
    const form = await app.inject({ method: "GET", url: "/login" });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? "";
    const cookie = [form.headers["set-cookie"]].flat().filter((c): c is string => typeof c === "string").map((c) => c.split(";")[0]).join("; ");
    const r = await app.inject({ method: "POST", url: "/login", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, payload: `_csrf=${encodeURIComponent(csrf)}&token=${TOKENS[1]!.token}` });
    expect(r.statusCode).toBe(303);
    const session = [r.headers["set-cookie"]].flat().find((c) => c?.startsWith("polad_token="));
    expect(session).toMatch(/HttpOnly/i);
    expect((await app.inject({ method: "GET", url: "/", headers: { cookie: session!.split(";")[0]! } })).statusCode).toBe(200);
  });

  it("shows no review form to a viewer and refuses a viewer's review", async () => {
    const adId = ids.get("nu-1")!;
    const viewerPage = await app.inject({ method: "GET", url: `/ads/${adId}`, headers: bearer(TOKENS[1]!.token) });
    expect(viewerPage.body).not.toContain("/review\"");
    const { csrf, findingId, cookie } = await reviewForm(adId, TOKENS[0]!.token);
    const r = await app.inject({
      method: "POST", url: `/findings/${findingId}/review`, headers: { ...bearer(TOKENS[1]!.token), cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: `_csrf=${encodeURIComponent(csrf ?? "")}&status=dismissed`,
    });
    expect(r.statusCode).toBe(403);
  });
});

describe("review", () => {
  it("stores who confirmed a finding, when, and the note, and shows it on the ad page", async () => {
    const adId = ids.get("nu-1")!;
    const { csrf, findingId, cookie } = await reviewForm(adId, TOKENS[0]!.token);
    expect(csrf).toBeTruthy();
    const r = await app.inject({
      method: "POST", url: `/findings/${findingId}/review`, headers: { ...bearer(TOKENS[0]!.token), cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: `_csrf=${encodeURIComponent(csrf!)}&status=confirmed&note=${encodeURIComponent("Gezien op nu.nl, geen label <b>")}`,
    });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe(`/ads/${adId}`);
    const row = await store.db.selectFrom("finding").selectAll().where("id", "=", Number(findingId)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ review_status: "confirmed", reviewed_by: "Anna de Vries", review_note: "Gezien op nu.nl, geen label <b>" });
    expect(new Date(row.reviewed_at!).toISOString()).toBe(NOW.toISOString());
    const page = await app.inject({ method: "GET", url: `/ads/${adId}`, headers: bearer(TOKENS[0]!.token) });
    expect(page.body).toContain("Gezien op nu.nl, geen label &lt;b&gt;");
  });

  it("drops a dismissed finding from the violation counts", async () => {
    const before = JSON.parse((await app.inject({ method: "GET", url: "/api/overview", headers: bearer(TOKENS[1]!.token) })).body) as { totals: { violations: number } };
    const { csrf, findingId, cookie } = await reviewForm(ids.get("nu-2")!, TOKENS[0]!.token);
    const r = await app.inject({
      method: "POST", url: `/findings/${findingId}/review`, headers: { ...bearer(TOKENS[0]!.token), cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: `_csrf=${encodeURIComponent(csrf!)}&status=dismissed&note=notice+is+complete`,
    });
    expect(r.statusCode).toBe(303);
    const after = JSON.parse((await app.inject({ method: "GET", url: "/api/overview", headers: bearer(TOKENS[1]!.token) })).body) as { totals: { violations: number } };
    expect(after.totals.violations).toBe(before.totals.violations - 1);
    const dismissed = await app.inject({ method: "GET", url: "/api/findings?review=dismissed", headers: bearer(TOKENS[1]!.token) });
    expect((JSON.parse(dismissed.body) as { rows: Array<{ id: number }> }).rows.map((x) => x.id)).toEqual([Number(findingId)]);
  });

  it("rejects a review without a valid CSRF token and changes nothing", async () => {
    const { findingId, cookie } = await reviewForm(ids.get("meta-1")!, TOKENS[0]!.token);
    for (const payload of ["status=dismissed", "_csrf=forged&status=dismissed"]) {
      const r = await app.inject({ method: "POST", url: `/findings/${findingId}/review`, headers: { ...bearer(TOKENS[0]!.token), cookie, "content-type": "application/x-www-form-urlencoded" }, payload });
      expect(r.statusCode).toBe(403);
    }
    const row = await store.db.selectFrom("finding").select("review_status").where("id", "=", Number(findingId)).executeTakeFirstOrThrow();
    expect(row.review_status).toBe("open");
  });

  it("rejects an unknown review status naming the field", async () => {
    const { csrf, findingId, cookie } = await reviewForm(ids.get("meta-1")!, TOKENS[0]!.token);
    const r = await app.inject({
      method: "POST", url: `/findings/${findingId}/review`, headers: { ...bearer(TOKENS[0]!.token), cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: `_csrf=${encodeURIComponent(csrf!)}&status=deleted`,
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain("status");
  });
});
