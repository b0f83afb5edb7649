import { describe, expect, it } from "vitest";
import { publicOrigin } from "./api";

describe("the registry API's public origin", () => {
  it("follows the Host header and a proxy's forwarded headers", () => {
    expect(publicOrigin(new Request("http://localhost:3000/api/registry", { headers: { host: "127.0.0.1:3300" } }))).toBe("http://127.0.0.1:3300");
    expect(
      publicOrigin(new Request("http://localhost:3000/api/registry", { headers: { host: "internal:3000", "x-forwarded-host": "registry.example.org", "x-forwarded-proto": "https" } })),
    ).toBe("https://registry.example.org");
  });

  it("ignores headers that are not a plain host or scheme", () => {
    expect(publicOrigin(new Request("http://localhost:3000/x", { headers: { "x-forwarded-host": "evil.example/<script>", "x-forwarded-proto": "javascript" } }))).toBe("http://localhost:3000");
  });
});
