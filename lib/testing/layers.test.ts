import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The layers of eslint.config.mjs, tried on probe files written into the tree for the length of one
 * lint (and removed at once): each imports across a boundary, so `npm run lint` fails on the same
 * import added for real, and passes on main.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

/** Writes the probes (path → code; `{}` in a path is a random tag), lints the first, removes them all. */
async function lintProbes(files: Record<string, string>): Promise<string[]> {
  const tag = randomBytes(4).toString("hex");
  const written = Object.entries(files).map(([name, code]) => [path.resolve(name.replace("{}", tag)), code.replaceAll("{}", tag)] as const);
  const made = written.map(([file]) => path.dirname(file)).filter((dir) => !existsSync(dir));
  try {
    for (const [file, code] of written) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, code);
    }
    const [result] = await eslint.lintFiles([written[0]![0]]);
    return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
  } finally {
    for (const [file] of written) rmSync(file, { force: true });
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  }
}

const problems = (file: string, code: string) => lintProbes({ [file.replace(/(\.tsx?)$/, "-probe-{}$1")]: code });

describe("the layers are lint rules", () => {
  it("refuses a component that imports the database layer, which would ship the schema to the browser", async () => {
    const found = await problems("components/registry/probe.tsx", `import { users } from "@/db/schema";\nexport const probe = users;\n`);
    expect(found).toEqual([expect.stringMatching(/^import\/no-restricted-paths: .*Components never import the database layer/)]);
  });

  it("lets a component take words and types from a domain's vocabulary", async () => {
    const found = await problems(
      "components/registry/probe.tsx",
      `import { MEMBERSHIP_STATUSES } from "@/lib/registry/vocabulary";\nexport const probe = MEMBERSHIP_STATUSES;\n`,
    );
    expect(found).toEqual([]);
  });

  it("refuses db/ importing a domain, and lib/ importing routes or components", async () => {
    expect(await problems("db/probe.ts", `import { tallyMotion } from "@/lib/votes/tally-input";\nexport const probe = tallyMotion;\n`)).toEqual([
      expect.stringMatching(/db\/ never imports lib\/ domains/),
    ]);
    expect(await problems("lib/votes/probe.ts", `import { Button } from "@/components/ui/button";\nexport const probe = Button;\n`)).toEqual([
      expect.stringMatching(/lib\/ never imports routes or components/),
    ]);
  });

  it("refuses product code importing the test suites or the benchmark", async () => {
    expect(
      await problems(
        "lib/votes/probe.ts",
        `import { ACTIONS_WITHOUT_CASES } from "@/reliability/catalog";\nexport const probe = ACTIONS_WITHOUT_CASES;\n`,
      ),
    ).toEqual([expect.stringMatching(/never imports the test suites or the benchmark/)]);
    expect(
      await problems("app/probe/page.tsx", `import { expectRefused } from "@/lib/testing/refusal";\nexport const probe = expectRefused;\n`),
    ).toEqual([expect.stringMatching(/lib\/testing\/ is for tests only/)]);
  });

  it("keeps vocabulary modules leaves", async () => {
    const vocabulary = await lintProbes({ "lib/probe-{}/vocabulary.ts": `import { sql } from "drizzle-orm";\nexport const probe = sql;\n` });
    expect(vocabulary).toEqual([expect.stringMatching(/^no-restricted-imports:/)]);
  });

  it("refuses an import cycle", async () => {
    const found = await lintProbes({
      "lib/votes/cycle-a-{}.ts": `import { b } from "./cycle-b-{}";\nexport const a = () => b;\n`,
      "lib/votes/cycle-b-{}.ts": `import { a } from "./cycle-a-{}";\nexport const b = () => a;\n`,
    });
    expect(found).toEqual([expect.stringMatching(/^import\/no-cycle:/)]);
  });
});
