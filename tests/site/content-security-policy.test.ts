import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { contentSecurityPolicy } from "../../src/site/security/content-security-policy";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

describe("the Content-Security-Policy", () => {
  test("allows only this origin, Pagefind's WebAssembly, and Shiki's style attributes", () => {
    const policy = contentSecurityPolicy();
    expect(directive(policy, "default-src")).toBe("default-src 'self'");
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(directive(policy, "style-src")).toBe("style-src 'self'");
    expect(directive(policy, "style-src-attr")).toBe("style-src-attr 'unsafe-inline'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(policy).not.toMatch(/'unsafe-eval'|https?:|\*/);
  });

  test("frame-ancestors only in the header form: a <meta> policy ignores it", () => {
    expect(contentSecurityPolicy("meta")).not.toContain("frame-ancestors");
    expect(contentSecurityPolicy("header")).toContain("; frame-ancestors 'self'");
  });

  test("docs/deploying.md gives the header form exactly as the code has it", () => {
    expect(readFileSync("docs/deploying.md", "utf8")).toContain(`Content-Security-Policy: ${contentSecurityPolicy("header")}`);
  });
});
