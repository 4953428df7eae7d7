import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

/** polad's version, recorded with every capture as the crawler version. */
export const POLAD_VERSION: string = pkg.version;
