import { describe, expect, it } from "vitest";
import { appOrigin, readEnv } from "@/lib/env";

describe("the public origin of absolute links", () => {
  it("is APP_URL's origin, whatever path it carries", () => {
    expect(appOrigin(readEnv({ APP_URL: "https://pillars.example.org/some/path" }))).toBe("https://pillars.example.org");
    expect(appOrigin(readEnv({ APP_URL: "http://127.0.0.1:3300" }))).toBe("http://127.0.0.1:3300");
  });

  it("is the local address npm start serves on when APP_URL is unset", () => {
    expect(appOrigin(readEnv({ PORT: "4100" }))).toBe("http://localhost:4100");
    expect(appOrigin(readEnv({ APP_URL: "" }))).toBe("http://localhost:3000");
  });

  it("refuses an APP_URL that is not a web address, with a message saying what to set", () => {
    expect(() => readEnv({ APP_URL: "javascript:alert(1)" })).toThrow(/APP_URL must be the public address/);
    expect(() => readEnv({ APP_URL: "registry.example.org" })).toThrow(/APP_URL/);
  });
});
