import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { TOKEN_COOKIE } from "../auth.js";
import { html } from "../html.js";
import { parseLang, t } from "../i18n.js";
import { layout } from "../views/layout.js";
import { sendPage, type Deps } from "./deps.js";

/** Registers the token login (sets an httpOnly, SameSite=Strict cookie) and logout. */
export function registerLoginRoutes(app: FastifyInstance, d: Deps): void {
  app.get<{ Querystring: { lang?: string } }>("/login", async (req, reply) => {
    const lang = parseLang(req.query.lang);
    const ctx = { lang, path: "/login", raw: {}, user: req.user };
    const body = d.authEnabled
      ? html`<form method="post" action="/login"><input type="hidden" name="_csrf" value="${reply.generateCsrf()}">
<label>${t(lang, "token")} <input type="password" name="token" autocomplete="off" required></label> <button type="submit">${t(lang, "login")}</button></form>`
      : html`<p>—</p>`;
    return sendPage(reply, layout(ctx, t(lang, "login"), body));
  });
  app.post("/login", { preHandler: app.csrfProtection }, async (req, reply) => {
    const body = z.object({ token: z.string().min(1).max(200) }).safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).type("text/plain; charset=utf-8").send("bad login request: token");
    reply.setCookie(TOKEN_COOKIE, body.data.token, { path: "/", httpOnly: true, sameSite: "strict" });
    return reply.redirect("/", 303);
  });
  app.post("/logout", { preHandler: app.csrfProtection }, async (_req, reply) => {
    reply.clearCookie(TOKEN_COOKIE, { path: "/" });
    return reply.redirect("/login", 303);
  });
}
