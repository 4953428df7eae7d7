import { readFileSync } from "node:fs";
import { parseElections } from "../../classifier/elections.js";
import type { ClassifyContext } from "../../classifier/classify.js";
import type { Config } from "../../common/config.js";
import { UsageError } from "../../common/errors.js";

/** The configurable parts of the rule context (repository date, election calendar), read from config once. */
export function ruleContext(config: Config): Pick<ClassifyContext, "repositoryLiveFrom" | "elections"> {
  const out: Pick<ClassifyContext, "repositoryLiveFrom" | "elections"> = {};
  if (config.repositoryLiveFrom) out.repositoryLiveFrom = config.repositoryLiveFrom;
  if (config.electionsFile) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(config.electionsFile, "utf8"));
    } catch (err) {
      throw new UsageError(`POLAD_ELECTIONS: cannot read ${config.electionsFile} as JSON: ${(err as Error).message}`);
    }
    try {
      out.elections = parseElections(json);
    } catch (err) {
      throw new UsageError(`POLAD_ELECTIONS: ${(err as Error).message}`);
    }
  }
  return out;
}
