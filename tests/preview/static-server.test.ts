import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startStaticServer, type StaticServer } from "../../src/preview/static-server";

/**
 * The preview server (npm run preview, tests, benchmarks) is reachable from the network when HOST
 * says so: it must serve nothing outside its folder. A real folder layout with secrets beside and
 * outside dist/, requests sent byte for byte (no client-side URL clean-up).
 */
const work = mkdtempSync(path.join(tmpdir(), "static-server-"));
const dist = path.join(work, "dist");
const SECRET = "SECRET-CONTENT-7f3a";
let server: StaticServer;
let port: number;

beforeAll(async () => {
  mkdirSync(path.join(dist, "docker/d1"), { recursive: true });
  writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>home</title><p>홈 페이지</p>");
  writeFileSync(path.join(dist, "404.html"), "<!doctype html><title>404</title><p>페이지를 찾을 수 없습니다</p>");
  writeFileSync(path.join(dist, "docker/d1/index.html"), `<!doctype html><title>d1</title>${"<p>질문과 답</p>".repeat(200)}`);
  writeFileSync(path.join(dist, "style.css"), "body { color: black; }\n".repeat(100));
  mkdirSync(path.join(work, "dist-x"));
  writeFileSync(path.join(work, "dist-x/secret.txt"), SECRET);
  writeFileSync(path.join(work, "secret.txt"), SECRET);
  symlinkSync(path.join(work, "secret.txt"), path.join(dist, "link.txt"));
  symlinkSync(path.join(work, "dist-x"), path.join(dist, "linked-dir"));
  server = await startStaticServer({ dir: dist });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Sends the path exactly as given (fetch would resolve `..` before sending). */
function get(
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("never serves a file outside dist/", () => {
  const attempts: [string, string][] = [
    ["..", "/../secret.txt"],
    ["%2e%2e", "/%2e%2e/secret.txt"],
    ["%2E%2E with a slash", "/%2E%2E/%2E%2E/secret.txt"],
    ["..%2f", "/..%2fsecret.txt"],
    ["..%2f into a sibling dist-x/", "/..%2fdist-x/secret.txt"],
    ["%5c (backslash)", "/..%5csecret.txt"],
    ["%5c into a sibling dist-x/", "/..%5cdist-x%5csecret.txt"],
    ["a symlink to a file outside", "/link.txt"],
    ["a symlink to a folder outside", "/linked-dir/secret.txt"],
    ["a NUL byte", "/index.html%00.txt"],
    ["a NUL byte before ..", "/%00/../secret.txt"],
    ["an over-long path", `/${"a/".repeat(5000)}secret.txt`],
    ["an over-long path of ..", `/${"..%2f".repeat(2000)}secret.txt`],
  ];
  test.each(attempts)("%s: 404 or 400, no file content", async (_, rawPath) => {
    const response = await get(rawPath);
    expect([400, 404]).toContain(response.status);
    expect(response.body.toString("latin1")).not.toContain(SECRET);
  });
});

describe("still serves the site like a static host", () => {
  test("pages, folders with index.html, a redirect to the trailing slash, the 404 page", async () => {
    expect((await get("/")).body.toString()).toContain("홈 페이지");
    expect((await get("/docker/d1/")).status).toBe(200);
    const bare = await get("/docker/d1");
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe("/docker/d1/");
    const missing = await get("/docker/d99/");
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain("페이지를 찾을 수 없습니다");
  });

  test("gzips text for clients that accept it, with the right type", async () => {
    const response = await get("/style.css", { "accept-encoding": "gzip" });
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(gunzipSync(response.body).toString()).toContain("color: black");
  });

  test("answers If-None-Match with 304 and no body", async () => {
    const first = await get("/docker/d1/");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get("/docker/d1/", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await get("/docker/d1/", { "if-none-match": 'W/"other"' })).status).toBe(200);
  });
});

describe("listens on this machine only unless told otherwise", () => {
  test("binds 127.0.0.1 by default, and warns when HOST is not a loopback address", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const warnings: string[] = [];
    const open = await startStaticServer({ dir: dist, host: "0.0.0.0", warn: (m) => warnings.push(m) });
    await open.close();
    expect(warnings.join("\n")).toMatch(/0\.0\.0\.0.*reachable from other machines/);
    const local = await startStaticServer({ dir: dist, host: "127.0.0.1", warn: (m) => warnings.push(m) });
    await local.close();
    expect(warnings).toHaveLength(1);
  });
});
