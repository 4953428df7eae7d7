import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

/** What a token lets its holder do: read, also review findings, or everything. */
export type Role = "viewer" | "reviewer" | "admin";

/** One access token and who holds it (the name is stored as `finding.reviewed_by`). */
export interface AuthToken { name: string; role: Role; token: string }

/** Token-based access; without it the dashboard only serves loopback and treats the caller as the local admin. */
export interface DashboardAuth { tokens: AuthToken[] }

/** The caller as the dashboard sees it. */
export interface User { name: string; role: Role }

/** The name of the cookie a browser login sets. */
export const TOKEN_COOKIE = "polad_token";

const tokenSchema = z.object({
  name: z.string().min(1).max(100).regex(/^[\w .@-]+$/, "letters, digits, space, . @ - only"),
  role: z.enum(["viewer", "reviewer", "admin"]),
  token: z.string().min(16, "tokens must be at least 16 characters").max(200),
});

/**
 * Parses POLAD_DASHBOARD_TOKENS ("name:role:token,name:role:token"). A malformed entry is an error
 * naming its position, so a typo never silently opens or closes access.
 */
export function parseTokens(spec: string): DashboardAuth {
  const tokens = spec.split(",").map((s) => s.trim()).filter(Boolean).map((entry, i) => {
    const [name, role, ...rest] = entry.split(":");
    const r = tokenSchema.safeParse({ name, role, token: rest.join(":") });
    if (!r.success) throw new Error(`POLAD_DASHBOARD_TOKENS entry ${i + 1}: ${String(r.error.issues[0]?.path[0] ?? "")} ${r.error.issues[0]?.message ?? "invalid"}`);
    return r.data;
  });
  if (tokens.length === 0) throw new Error("POLAD_DASHBOARD_TOKENS: no tokens");
  return { tokens };
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Finds the token holder, comparing digests in constant time. */
export function userForToken(auth: DashboardAuth, token: string | undefined): User | null {
  if (!token) return null;
  const d = digest(token);
  let found: User | null = null;
  for (const t of auth.tokens) if (timingSafeEqual(digest(t.token), d)) found = { name: t.name, role: t.role };
  return found;
}

/** Reads the caller's token from `Authorization: Bearer` or the login cookie. */
export function requestToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith("Bearer ")) return h.slice(7).trim();
  return req.cookies?.[TOKEN_COOKIE];
}

/** True when the role may change review state. */
export function canReview(u: User | null): boolean {
  return u !== null && (u.role === "reviewer" || u.role === "admin");
}

/** Rejects a request without a reviewer role. */
export function requireReviewer(req: FastifyRequest, reply: FastifyReply): boolean {
  if (canReview(req.user)) return true;
  void reply.code(403).type("text/plain; charset=utf-8").send("forbidden: reviewer role required");
  return false;
}

/** True for hosts that only the local machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === "127.0.0.1" || host === "::1" || host === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

declare module "fastify" {
  interface FastifyRequest { user: User | null }
}
