import { afterEach, describe, expect, it, vi } from "vitest";
import { forLog, logError, logInfo } from "./log";

afterEach(() => vi.restoreAllMocks());

describe("the server log cannot be forged", () => {
  it("escapes line ends, other control characters and Unicode line separators", () => {
    expect(forLog("Title\r\n2026-12-03 INFO admin signed in")).toBe("Title\\r\\n2026-12-03 INFO admin signed in");
    expect(forLog("a\u2028b\u2029c\u0085d\u0000e\u001bf")).toBe("a\\u2028b\\u2029c\\u0085d\\u0000e\\u001bf");
    expect(forLog("tab\there")).toBe("tab\\there");
  });

  it("doubles backslashes, so an escape in user text cannot pass for one of ours", () => {
    expect(forLog("C:\\new")).toBe("C:\\\\new");
    expect(forLog("fake \\n line")).toBe("fake \\\\n line");
  });

  it("writes each event as exactly one JSON line", async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    logInfo("[mail] To: a@example.org | Subject: Evil\nFORGED LINE | body\r\nmore\u2028x");
    logError("Email to x\ny failed", new Error("boom\nFORGED"));
    // Each line is written once the request id (if any) is known: wait for both, at most 5 s.
    const complete = () => written.join("").split("\n").filter(Boolean);
    for (let waited = 0; complete().length < 2 && waited < 5000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    const lines = complete();
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toMatch(/[\r\u2028\u2029]/);
    const [info, error] = lines.map((line) => JSON.parse(line) as Record<string, string>);
    expect(info).toMatchObject({ level: "info", msg: "[mail] To: a@example.org | Subject: Evil\\nFORGED LINE | body\\r\\nmore\\u2028x" });
    expect(error).toMatchObject({ level: "error", msg: "Email to x\\ny failed" });
    expect(error!.err).toMatch(/^Error: boom\\nFORGED\\n {4}at /);
    expect(typeof info!.time).toBe("string");
  });
});
