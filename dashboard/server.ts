import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import formbody from "@fastify/formbody";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { Logger } from "pino";
import type { Store } from "../store/db.js";
import { isLoopbackHost, parseTokens, requestToken, userForToken, type DashboardAuth } from "./auth.js";
import { BadQueryError } from "./filters.js";
import { t, parseLang } from "./i18n.js";
import { registerAdRoutes } from "./routes/ads.js";
import { registerApiRoutes } from "./routes/api.js";
import { registerExportRoutes } from "./routes/exports.js";
import { registerGroupRoutes } from "./routes/groups.js";
import { registerLoginRoutes } from "./routes/login.js";
import { registerOverviewRoutes } from "./routes/overview.js";
import { registerReviewRoutes } from "./routes/review.js";
import { registerRuleRoutes } from "./routes/rules.js";
import { registerSecurityHeaders } from "./security.js";
import { errorPage, STYLE_CSS } from "./views/layout.js";

/** What the dashboard needs: the store, a logger, optional token auth, and a clock for review times. */
export interface DashboardOptions { store: Store; log: Logger; auth?: DashboardAuth | undefined; now?: () => Date }

const OPEN_PATHS = ["/static/", "/login"];

function authHook(auth: DashboardAuth | undefined) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!auth) {
      req.user = { name: "local", role: "admin" };
      return;
    }
    req.user = userForToken(auth, requestToken(req));
    if (req.user || OPEN_PATHS.some((p) => req.url.startsWith(p))) return;
    const wantsHtml = !req.url.startsWith("/api/") && !req.url.startsWith("/export/");
    if (wantsHtml) return reply.code(401).type("text/html; charset=utf-8").send(`<!doctype html><meta charset="utf-8"><title>401</title><p><a href="/login">Log in / Inloggen</a></p>`);
    return reply.code(401).send({ error: "authentication required" });
  };
}

function errorHandler(err: Error & { statusCode?: number }, req: FastifyRequest, reply: FastifyReply) {
  const status = err instanceof BadQueryError ? 400 : err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
  if (status === 500) req.log.error({ err }, "dashboard request failed");
  const msg = status === 500 ? "internal error" : err.message;
  if (req.url.startsWith("/api/") || req.url.startsWith("/export/")) return reply.code(status).send({ error: msg });
  const lang = parseLang((req.query as Record<string, unknown> | undefined)?.lang);
  return reply.code(status).type("text/html; charset=utf-8").send(errorPage({ lang, path: "/", raw: {}, user: req.user }, String(status), msg).value);
}

/** Builds the dashboard app (not listening): pages, review, exports, the JSON API. Used by tests via inject. */
export async function createDashboard(o: DashboardOptions): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: o.log.child({ module: "dashboard" }) as FastifyBaseLogger, bodyLimit: 64 * 1024 });
  app.decorateRequest("user", null);
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, { cookieOpts: { path: "/", httpOnly: true, sameSite: "strict", signed: false } });
  await app.register(formbody);
  registerSecurityHeaders(app);
  app.addHook("onRequest", authHook(o.auth));
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => {
    const lang = parseLang((req.query as Record<string, unknown> | undefined)?.lang);
    return reply.code(404).type("text/html; charset=utf-8").send(errorPage({ lang, path: "/", raw: {}, user: req.user }, "404", t(lang, "notFound")).value);
  });
  app.get("/static/style.css", async (_req, reply) => reply.type("text/css; charset=utf-8").header("cache-control", "max-age=3600").send(STYLE_CSS));
  const deps = { store: o.store, now: o.now ?? (() => new Date()), authEnabled: o.auth !== undefined };
  registerOverviewRoutes(app, deps);
  registerGroupRoutes(app, deps);
  registerRuleRoutes(app, deps);
  registerAdRoutes(app, deps);
  registerReviewRoutes(app, deps);
  registerExportRoutes(app, deps);
  registerApiRoutes(app, deps);
  registerLoginRoutes(app, deps);
  return app;
}

/**
 * Serves the dashboard. Loopback by default; any other host is refused unless token auth is
 * configured (passed in, or POLAD_DASHBOARD_TOKENS="name:role:token,...").
 */
export async function serveDashboard(o: { store: Store; log: Logger; host: string; port: number; auth?: DashboardAuth }): Promise<{ url: string; close(): Promise<void> }> {
  const envTokens = process.env.POLAD_DASHBOARD_TOKENS;
  const auth = o.auth ?? (envTokens ? parseTokens(envTokens) : undefined);
  if (!isLoopbackHost(o.host) && !auth) {
    throw new Error(`refusing to serve the dashboard on ${o.host} without access tokens: set POLAD_DASHBOARD_TOKENS or bind to 127.0.0.1`);
  }
  const app = await createDashboard({ store: o.store, log: o.log, auth });
  await app.listen({ host: o.host, port: o.port });
  const addr = app.server.address();
  const port = typeof addr === "object" && addr ? addr.port : o.port;
  const host = o.host.includes(":") ? `[${o.host}]` : o.host;
  return { url: `http://${host}:${port}/`, close: () => app.close() };
}
