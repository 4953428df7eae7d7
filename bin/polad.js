#!/usr/bin/env node
// Entry point: runs the TypeScript CLI through tsx so the package needs no build step.
import { register } from "tsx/esm/api";
register();
await import("./polad.ts");
