import type { FetchResult } from "./source.js";
import { GiveUp } from "./errors.js";
import type { NetGuard } from "./net-guard.js";

/** Limits for one HTTP request. */
export interface BoundedFetchOptions {
  guard: NetGuard;
  signal: AbortSignal;
  userAgent: string;
  headers?: Record<string, string> | undefined;
  /** GET unless given; a POST body is sent again only on 307/308 redirects (303 and 301/302 turn it into a GET, as browsers do). */
  method?: "GET" | "POST" | undefined;
  body?: string | undefined;
  maxBytes?: number;
  maxRedirects?: number;
  timeoutMs?: number;
}

/**
 * GET with redirects followed by hand (each hop checked by the address guard), a bounded body
 * (bytes past `maxBytes` are dropped and `x-polad-truncated` is set) and a timeout. Network
 * failures throw; HTTP error statuses are returned for the caller to judge.
 */
export async function boundedFetch(url: string, o: BoundedFetchOptions): Promise<FetchResult> {
  const maxRedirects = o.maxRedirects ?? 10;
  const redirects: string[] = [];
  let current = (await o.guard.check(url)).href;
  let method = o.method ?? "GET";
  for (let hop = 0; ; hop++) {
    const signal = AbortSignal.any([o.signal, AbortSignal.timeout(o.timeoutMs ?? 15_000)]);
    const body = method === "POST" ? (o.body ?? "") : undefined;
    const init: RequestInit = { method, body, redirect: "manual", signal, headers: { "user-agent": o.userAgent, accept: "*/*", ...o.headers } };
    const res = await fetch(current, init).catch((err: unknown) => (method === "GET" && isStaleSocket(err) ? fetch(current, init) : Promise.reject(err))).catch((err: unknown) => {
      throw withCause(err);
    });
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      if (res.status !== 307 && res.status !== 308) method = "GET";
      if (hop >= maxRedirects) throw new GiveUp("redirect-loop", `more than ${maxRedirects} redirects from ${url}`);
      redirects.push(current);
      const next = new URL(location, current).href;
      if (redirects.includes(next)) throw new GiveUp("redirect-loop", `redirect loop at ${next}`);
      current = (await o.guard.check(next)).href;
      continue;
    }
    const { bytes, truncated } = await readBounded(res, o.maxBytes ?? 2_000_000);
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    if (truncated) headers["x-polad-truncated"] = "1";
    return { url, finalUrl: current, status: res.status, headers, body: new TextDecoder("utf-8", { fatal: false }).decode(bytes), bytes, redirects };
  }
}

/** undici's "fetch failed" hides the reason in `cause`: a socket the server closed while idle (keep-alive) is worth one immediate retry. */
function isStaleSocket(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string } }).cause;
  return cause?.code === "UND_ERR_SOCKET" || cause?.code === "ECONNRESET";
}

/** Puts the network cause (ECONNRESET, ENOTFOUND, …) into the message, so the runner classifies it instead of calling it unexpected. */
function withCause(err: unknown): unknown {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (!(err instanceof Error) || err.name === "AbortError" || err.name === "TimeoutError" || !cause) return err;
  const code = cause.code === "UND_ERR_SOCKET" ? "ECONNRESET" : (cause.code ?? "");
  return new Error(`${err.message}: ${code} ${cause.message ?? ""}`.trim(), { cause: err });
}

async function readBounded(res: Response, maxBytes: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  if (!res.body) return { bytes: Buffer.alloc(0), truncated: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - size;
    if (value.byteLength > room) {
      chunks.push(value.subarray(0, room));
      truncated = true;
      await reader.cancel();
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { bytes: Buffer.concat(chunks), truncated };
}

/** Parses Retry-After (seconds or HTTP date) into milliseconds, or null. */
export function retryAfterMs(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  const secs = Number(value.trim());
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
