import { describe, expect, it } from "vitest";
import { RULES } from "../../classifier/rules/index.js";
import { runPolad } from "../support/cli.js";

describe("polad rules", () => {
  it("prints the catalogue: one line per registered rule with its id, article, severity and title", async () => {
    const r = await runPolad(["rules"]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => l.split("\t"));
    expect(lines.map((l) => l[0])).toEqual(RULES.map((x) => x.id));
    for (const [i, rule] of RULES.entries()) expect(lines[i]).toEqual([rule.id, rule.article, rule.severity, rule.title]);
  }, 120_000);
});
