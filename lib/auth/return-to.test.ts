import { describe, expect, it } from "vitest";
import { returnPath, safeReturnPath, signInPath } from "./return-to";

describe("the address a visitor comes back to after sign-in", () => {
  it("keeps the page's query, so a filtered list opens with its filters", () => {
    expect(returnPath("/tasks", { status: "open", mine: "1" })).toBe("/tasks?status=open&mine=1");
    expect(returnPath("/audit", { entityType: "task", entityId: undefined, page: ["1", "2"] })).toBe("/audit?entityType=task&page=1&page=2");
    expect(returnPath("/dashboard")).toBe("/dashboard");
  });

  it("encodes what a visitor may type, and the result is still accepted after sign-in", () => {
    const path = returnPath("/policies/héllo wörld/edit", { q: "a+b & 'c' (d)*~!", "x y": "/login" });
    expect(path).toBe("/policies/h%C3%A9llo%20w%C3%B6rld/edit?q=a%2Bb%20%26%20%27c%27%20%28d%29%2A%7E%21&x%20y=%2Flogin");
    expect(safeReturnPath(path)).toBe(path);
    const url = new URL(path, "http://pillars.test");
    expect(decodeURIComponent(url.pathname)).toBe("/policies/héllo wörld/edit");
    expect(url.searchParams.get("q")).toBe("a+b & 'c' (d)*~!");
    expect(url.searchParams.get("x y")).toBe("/login");
  });

  it("goes through the sign-in page's own query intact", () => {
    const back = returnPath("/tasks", { status: "open", mine: "1" });
    const login = new URL(signInPath(back), "http://pillars.test");
    expect(login.pathname).toBe("/login");
    expect(login.searchParams.get("returnTo")).toBe(back);
  });

  it("refuses addresses on other sites and the sign-in page itself", () => {
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "/login?returnTo=/x", "javascript:alert(1)", "", null, 42]) {
      expect(safeReturnPath(bad)).toBe("/dashboard");
    }
    expect(safeReturnPath("/votes/3f1c2f9e-8d1a-4c55-9d3c-0b5d2a7f4e11")).toBe("/votes/3f1c2f9e-8d1a-4c55-9d3c-0b5d2a7f4e11");
  });
});
