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

  it("writes each event as exactly one line", () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((text: string) => void lines.push(text));
    vi.spyOn(console, "error").mockImplementation((text: string) => void lines.push(text));
    logInfo("[mail] To: a@example.org | Subject: Evil\nFORGED LINE | body\r\nmore");
    logError("Email to x\ny failed", new Error("boom\nFORGED"));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(lines[0]).toBe("[mail] To: a@example.org | Subject: Evil\\nFORGED LINE | body\\r\\nmore");
    expect(lines[1]).toMatch(/^Email to x\\ny failed: Error: boom\\nFORGED\\n {4}at /);
  });
});
