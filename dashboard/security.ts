import type { FastifyInstance } from "fastify";

/** The page CSP: no script at all, no inline style, frames and images only from this origin. */
export const PAGE_CSP = [
  "default-src 'none'", "script-src 'none'", "style-src 'self'", "img-src 'self'", "frame-src 'self'", "form-action 'self'",
  "base-uri 'none'", "frame-ancestors 'none'", "connect-src 'none'", "font-src 'none'", "object-src 'none'",
].join("; ");

/**
 * CSP for captured ad HTML served into an `<iframe sandbox>`: a unique origin, no scripts, no
 * network (external images and trackers in the capture are not fetched), inline styles allowed so it looks right.
 */
export const CAPTURE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

/** Adds security headers to every response; routes that set their own CSP keep it. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (_req, reply, payload) => {
    if (!reply.hasHeader("content-security-policy")) reply.header("content-security-policy", PAGE_CSP);
    if (!reply.hasHeader("x-frame-options")) reply.header("x-frame-options", "DENY");
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("cross-origin-opener-policy", "same-origin");
    reply.header("cross-origin-resource-policy", "same-origin");
    reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    return payload;
  });
}
