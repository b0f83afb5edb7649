import { describe, expect, it } from "vitest";
import { preparedStatementsEnabled } from "./prepared";

// That queries really run as prepared statements is shown on a PostgreSQL server: reliability/prepared-statements.test.ts.

describe("DATABASE_PREPARE", () => {
  it("is on unless set to false, 0, no or off", () => {
    expect(preparedStatementsEnabled({})).toBe(true);
    expect(preparedStatementsEnabled({ DATABASE_PREPARE: "" })).toBe(true);
    expect(preparedStatementsEnabled({ DATABASE_PREPARE: "true" })).toBe(true);
    for (const off of ["false", "FALSE", "0", "no", "off", " false "]) expect(preparedStatementsEnabled({ DATABASE_PREPARE: off })).toBe(false);
  });
});
