import { existsSync } from "node:fs";
import { z } from "zod";
import { UsageError } from "./errors.js";

const envSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres://").optional(),
  POLAD_DATA_DIR: z.string().min(1).optional(),
  POLAD_EVIDENCE_DIR: z.string().min(1).optional(),
  POLAD_CHROMIUM: z.string().min(1).optional(),
  POLAD_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  POLAD_REPOSITORY_LIVE_FROM: z.string().refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date").optional(),
  POLAD_ELECTIONS: z.string().min(1).optional(),
  POLAD_DB_RETRY_SECONDS: z.coerce.number().int("must be a whole number of seconds").min(1, "must be at least 1").max(86_400, "must be at most 86400 (a day)").optional(),
  META_ACCESS_TOKEN: z.string().min(1).optional(),
  TIKTOK_ACCESS_TOKEN: z.string().min(1).optional(),
});

/** polad's configuration, read once in bin/ from the environment and flags. */
export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  evidenceDir: string | undefined;
  chromiumPath: string | undefined;
  tokens: { meta?: string | undefined; tiktok?: string | undefined };
  /** The day the EU political-ad repository went live (Art. 13); unset = not live, links not required. */
  repositoryLiveFrom: Date | undefined;
  /** A JSON election calendar replacing the built-in Dutch one (Art. 5(2) windows). */
  electionsFile: string | undefined;
  /** How long database work waits for an unreachable server (a restart) before giving up. */
  dbRetryMs: number | undefined;
}

/** Reads and validates the environment; a bad value is a usage error that names the variable. */
export function readConfig(env: NodeJS.ProcessEnv, flags: { dataDir?: string | undefined }): Config {
  // An empty variable counts as unset (shells and CI often export VAR="").
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  const chromium = [e.POLAD_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"].find((p) => p && existsSync(p));
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: flags.dataDir ?? e.POLAD_DATA_DIR ?? ".polad",
    evidenceDir: e.POLAD_EVIDENCE_DIR,
    chromiumPath: chromium,
    tokens: { meta: e.META_ACCESS_TOKEN, tiktok: e.TIKTOK_ACCESS_TOKEN },
    repositoryLiveFrom: e.POLAD_REPOSITORY_LIVE_FROM ? new Date(e.POLAD_REPOSITORY_LIVE_FROM) : undefined,
    electionsFile: e.POLAD_ELECTIONS,
    dbRetryMs: e.POLAD_DB_RETRY_SECONDS === undefined ? undefined : e.POLAD_DB_RETRY_SECONDS * 1000,
  };
}
