#!/usr/bin/env node
// Fresh-machine set-up run before `npm start` and `npm test`: node modules, then Chromium.
// Plain JS (no dependencies) because it runs before node_modules exists.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function say(msg) {
  process.stderr.write(`polad setup: ${msg}\n`);
}

if (!existsSync(join(root, "node_modules", "playwright-core")) || !existsSync(join(root, "node_modules", ".bin", "vitest"))) {
  say("installing node modules (npm ci)");
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    say("npm ci failed; run it yourself in " + root + " and look at its output");
    process.exit(1);
  }
}

const candidates = [process.env.POLAD_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"].filter(Boolean);
let chromium = candidates.find((p) => existsSync(p));
if (!chromium) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) {
    say("Chromium not found; installing Debian's chromium package with apt-get (about 30 s)");
    try {
      execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
      execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    } catch {
      say("apt-get could not install chromium");
    }
    chromium = candidates.find((p) => existsSync(p));
  }
  if (!chromium) {
    say("Chromium is missing. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set POLAD_CHROMIUM to a Chromium binary, then run this command again.");
    process.exit(1);
  }
}
