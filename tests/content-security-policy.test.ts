import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, sha256Source } from "../src/lib/security/content-security-policy";
import { addPolicyMeta } from "../src/lib/security/policy-meta";

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
    expect(contentSecurityPolicy({}, "meta")).not.toContain("frame-ancestors");
    expect(contentSecurityPolicy({}, "header")).toContain("; frame-ancestors 'self'");
  });

  test("hashes inline scripts the way browsers do (SHA-256 of the text, base64)", () => {
    expect(sha256Source("console.log(1)")).toBe("'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='");
  });

  test("the README gives the header form exactly as the code has it", () => {
    expect(readFileSync("README.md", "utf8")).toContain(`Content-Security-Policy: ${contentSecurityPolicy({}, "header")}`);
  });
});

describe("addPolicyMeta", () => {
  const page = '<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>t</title></head><body><p>x</p></body></html>';

  test("puts the policy right after <meta charset>, before anything it governs", () => {
    const { html, problems } = addPolicyMeta(page, "index.html");
    expect(problems).toEqual([]);
    expect(html).toBe(page.replace('<meta charset="utf-8">', `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`));
  });

  test("allows an inline script and style by hash, never by 'unsafe-inline'", () => {
    const withInline = page.replace("<title>", "<style>p{color:red}</style><title>").replace("</body>", "<script>console.log(1)</script></body>");
    const { html } = addPolicyMeta(withInline, "index.html");
    expect(html).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='`);
    expect(html).toContain(`style-src 'self' ${sha256Source("p{color:red}")};`);
  });

  test("data blocks (JSON-LD) need no hash: browsers don't run them", () => {
    const { html } = addPolicyMeta(page.replace("</head>", '<script type="application/ld+json">{"@type":"Question"}</script></head>'), "index.html");
    expect(html).toContain(`content="${contentSecurityPolicy()}"`);
  });

  test("running twice replaces the policy instead of adding a second one", () => {
    const once = addPolicyMeta(page, "index.html").html;
    expect(addPolicyMeta(once, "index.html").html).toBe(once);
  });

  test("an inline event handler or javascript: URL is an error naming file and line", () => {
    const { problems } = addPolicyMeta(page.replace("<p>x</p>", '\n<p>x</p>\n<button onclick="go()">b</button><a href="javascript:go()">a</a>'), "docker/d1/index.html");
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      "docker/d1/index.html:3: inline event handler onclick= is blocked by the Content-Security-Policy: move the code into a script file",
      "docker/d1/index.html:3: inline javascript: URL in href is blocked by the Content-Security-Policy: move the code into a script file",
    ]);
  });
});
