import { describe, expect, it } from "vitest";
import { ACTIONS, can, PERMISSIONS, ROLES } from "./permissions";

describe("the permission table", () => {
  it("lists only known roles, and every action has at least one", () => {
    for (const action of ACTIONS) {
      expect(PERMISSIONS[action].length).toBeGreaterThan(0);
      for (const role of PERMISSIONS[action]) expect(ROLES).toContain(role);
    }
  });

  it("answers by any of a user's roles", () => {
    expect(can(["director"], "audit.read")).toBe(true);
    expect(can(["representative"], "audit.read")).toBe(false);
    expect(can(["representative", "admin"], "user.setRoles")).toBe(true);
    expect(can([], "workspace.view")).toBe(false);
  });
});
