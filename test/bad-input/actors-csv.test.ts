import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActorsCsvError, parseActorsCsv } from "../../classifier/actors.js";
import { InputError } from "../../common/errors.js";
import { runPolad } from "../support/cli.js";
import { BAD_ACTORS_CSV, ODD_BUT_VALID_ACTORS_CSV } from "./actors-csv-corpus.js";
import { openCliStore, type CliStore } from "./cli-store.js";

const asText = (input: string | Buffer): string => (typeof input === "string" ? input : input.toString("utf8"));

describe("bad actors CSV files are refused with an error naming the line (and the column)", () => {
  it.each(BAD_ACTORS_CSV.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    let err: unknown = null;
    try {
      parseActorsCsv(asText(c.input));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ActorsCsvError);
    expect(err).toBeInstanceOf(InputError);
    expect((err as ActorsCsvError).message).toMatch(c.message);
    expect((err as ActorsCsvError).line).toBe(c.line);
  });

  it.each(ODD_BUT_VALID_ACTORS_CSV.map((c) => [c.name, c] as const))("accepts %s", (_name, c) => {
    expect(parseActorsCsv(c.input).map((r) => r.name)).toEqual(c.names);
  });
});

// Through the command line: exit 2, the message on stderr, and not one actor row written.
const CLI_CASES = ["semicolon delimiter (Excel NL)", "unclosed quote", "NUL in name"];

describe("polad actors import refuses bad CSV and writes nothing", () => {
  let store: CliStore;
  beforeAll(async () => {
    store = await openCliStore();
  });
  afterAll(async () => store?.close());

  it("exits 2 with the parser's message for each bad file; the actor table stays empty", async () => {
    for (const name of CLI_CASES) {
      const c = BAD_ACTORS_CSV.find((x) => x.name === name)!;
      const file = join(store.dir, "bad.csv");
      writeFileSync(file, c.input);
      const r = await runPolad(["actors", "import", file], { env: store.env });
      expect({ name, code: r.code, stdout: r.stdout }).toEqual({ name, code: 2, stdout: "" });
      expect(r.stderr).toMatch(c.message);
    }
    expect(await store.count(["actor"])).toEqual({ actor: 0 });
  }, 180_000);

  it("a bad row after good ones rolls back the good ones too; a good file then imports (the count can move)", async () => {
    const file = join(store.dir, "mixed.csv");
    writeFileSync(file, "name,party,kind,aliases\nVVD,VVD,party,\nD66,D66,party,\nX,X,partij,\n");
    const bad = await runPolad(["actors", "import", file], { env: store.env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/line 4: column "kind"/);
    expect(await store.count(["actor"])).toEqual({ actor: 0 });
    writeFileSync(file, "name,party,kind,aliases\nVVD,VVD,party,\nD66,D66,party,\n");
    const good = await runPolad(["actors", "import", file], { env: store.env });
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/imported 2 actors/);
    expect(await store.count(["actor"])).toEqual({ actor: 2 });
  }, 120_000);
});
