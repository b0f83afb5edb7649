import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-quality";

const amina = { name: "Amina Diallo", email: "amina.diallo@icoca.ch" };

describe("password quality", () => {
  it("refuses a repeated letter, a common password and a keyboard walk, saying why", () => {
    expect(passwordProblem("aaaaaaaaaaaa", amina)).toMatch(/^This password is too easy to guess: .+\. Try a longer passphrase/);
    expect(passwordProblem("password1234", amina)).toMatch(/^This password is too easy to guess/);
    expect(passwordProblem("qwertyuiop12", amina)).toMatch(/^This password is too easy to guess/);
  });

  it("refuses the person's own name and email, whole or in parts", () => {
    const own = "Do not use your own name or email address in your password.";
    expect(passwordProblem("Amina Diallo", amina)).toBe(own);
    expect(passwordProblem("amina.diallo@icoca.ch", amina)).toBe(own);
    expect(passwordProblem("AminaDiallo2026!", amina)).toBe(own);
    expect(passwordProblem("diallo-sunflower-kettle", amina)).toBe(own);
    expect(passwordProblem("icoca-sunflower-kettle", amina)).toBe(own);
    // The same passphrase without her name is fine, and her name does not bother anyone else.
    expect(passwordProblem("marble-sunflower-kettle", amina)).toBeNull();
    expect(passwordProblem("diallo-sunflower-kettle", { name: "Jon Smith", email: "jon@example.org" })).toBeNull();
  });

  it("accepts a strong passphrase and refuses short or overlong ones", () => {
    expect(passwordProblem("correct horse battery staple", amina)).toBeNull();
    expect(passwordProblem("violet tundra whistles quietly", { name: null, email: null })).toBeNull();
    expect(passwordProblem("Xk9#vQ2!", amina)).toBe("Use at least 12 characters.");
    expect(passwordProblem("x".repeat(201), amina)).toBe("Keep the password under 200 characters.");
  });
});
