import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { close, createIndex } from "pagefind";
import { rechunkPagefindIndex } from "../../src/build/pagefind-chunks";
import { packPagefindFile, readPagefindFile } from "../../src/build/pagefind-files";
import { base32, MIN_NAME_LENGTH, shortenFragmentNames, sortableBase32, uniquePrefixes } from "../../src/build/pagefind-fragment-names";
import { loadPagefindFromDist } from "../helpers/pagefind-node";

describe("base32", () => {
  test("writes RFC 4648's base32hex test vectors, in lower case and without padding", () => {
    const encode = (text: string) => base32(new TextEncoder().encode(text));
    expect(["f", "fo", "foo", "foob", "fooba", "foobar"].map(encode)).toEqual(["co", "cpng", "cpnmu", "cpnmuog", "cpnmuoj1", "cpnmuoj1e8"]);
  });
});

test("sortableBase32 sorts as Pagefind's hex hashes do, whatever their length", () => {
  const hexes = Array.from({ length: 2000 }, (_, i) =>
    [...new Uint8Array(new Float64Array([Math.sin(i + 1), Math.cos(i + 1), Math.tan(i + 1)]).buffer)]
      .map((b) => b.toString(16))
      .join("")
      .slice(0, 40),
  );
  const byHex = [...hexes].sort();
  const byBase32 = [...hexes].sort((a, b) => (sortableBase32(a) < sortableBase32(b) ? -1 : sortableBase32(a) > sortableBase32(b) ? 1 : 0));
  expect(byBase32).toEqual(byHex);
  expect(sortableBase32("f".repeat(40))).toBe("v".repeat(32));
});

describe("uniquePrefixes", () => {
  test("names each hash by its first characters, at least the minimum", () => {
    expect(uniquePrefixes(["abcdefgh", "bcdefghi"], 3)).toEqual(["abc", "bcd"]);
  });
  test("lengthens every hash of a shared prefix until they differ, and only those", () => {
    expect(uniquePrefixes(["abcdefgh", "abcdxyzw", "abcdxyqq", "zzzzzzzz"], 3)).toEqual(["abcde", "abcdxyz", "abcdxyq", "zzz"]);
  });
  test("identical hashes (identical fragments) share one name, as in Pagefind", () => {
    expect(uniquePrefixes(["abcdefgh", "abcdefgh", "abcdxxxx"], 3)).toEqual(["abcde", "abcde", "abcdx"]);
  });
  test("10,000 random hashes: all distinct names, each a prefix of its hash", () => {
    const hashes = Array.from({ length: 10_000 }, (_, i) => base32(new Uint8Array(new Float64Array([Math.sin(i + 1)]).buffer).reverse()));
    const names = uniquePrefixes(hashes, 2);
    expect(new Set(names).size).toBe(new Set(hashes).size);
    names.forEach((name, i) => expect(hashes[i]!.startsWith(name)).toBe(true));
  });
});

/** A small real Pagefind index, written as the build writes it (recut, then renamed). */
const sites: string[] = [];
afterAll(() => {
  for (const site of sites) rmSync(site, { recursive: true, force: true });
});

const html = (title: string, body: string) =>
  `<!doctype html><html lang="ko"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;

async function indexedSite(pages: Record<string, [string, string]>): Promise<string> {
  const site = mkdtempSync(path.join(tmpdir(), "fragment-names-"));
  sites.push(site);
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(errors.join("; "));
  try {
    for (const [url, [title, body]] of Object.entries(pages)) await index.addHTMLFile({ url, content: html(title, body) });
    await index.writeFiles({ outputPath: path.join(site, "pagefind") });
  } finally {
    await close();
  }
  return site;
}

const PAGES: Record<string, [string, string]> = {
  "/docker/d1/": ["컨테이너 재시작", "컨테이너가 멈추면 docker restart 로 다시 시작합니다."],
  "/docker/d2/": ["이미지 레이어", "이미지는 레이어로 이루어집니다."],
  "/kubernetes/k1/": ["롤백", "kubectl rollout undo 로 이전 버전으로 되돌립니다."],
  "/kubernetes/k2/": ["롤백", "kubectl rollout undo 로 이전 버전으로 되돌립니다."],
};

const fragmentNames = (site: string) => readdirSync(path.join(site, "pagefind", "fragment")).map((f) => f.replace(/\.pf_fragment$/, ""));
const metaFile = (site: string) => {
  const dir = path.join(site, "pagefind");
  return path.join(
    dir,
    readdirSync(dir).find((f) => f.endsWith(".pf_meta"))!,
  );
};

describe("shortenFragmentNames on a real Pagefind index", () => {
  test("renames every fragment, keeps word counts and what search finds", async () => {
    const site = await indexedSite(PAGES);
    const before = readPagefindFile(metaFile(site)) as unknown[][];
    rechunkPagefindIndex(path.join(site, "pagefind"));
    const report = shortenFragmentNames(path.join(site, "pagefind"));
    const after = readPagefindFile(metaFile(site)) as unknown[][];

    const names = fragmentNames(site);
    expect(report.fragments).toBe(names.length);
    for (const name of names) expect(name).toMatch(new RegExp(`^[0-9a-v]{${MIN_NAME_LENGTH},}$`));
    // The page list: new names, Pagefind's word counts and the rest as they were.
    expect((after[1] as unknown[][]).map((p) => p.slice(1))).toEqual((before[1] as unknown[][]).map((p) => p.slice(1)));
    expect(new Set((after[1] as string[][]).map((p) => p[0]))).toEqual(new Set(names));
    expect((before[1] as string[][]).every((p) => p[0]!.startsWith("ko_"))).toBe(true);
    // Sorted as Pagefind's names were: the query layer breaks ties by page id.
    const order = (meta: unknown[][]) =>
      (meta[1] as string[][])
        .map((p, i) => [p[0]!, i] as const)
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map((p) => p[1]);
    expect(order(after)).toEqual(order(before));

    const pagefind = await loadPagefindFromDist(site);
    const found = (await pagefind.search("롤백"))!;
    const urls = await Promise.all(found.results.map(async (r) => (await r.data()).url));
    expect(urls.sort()).toEqual(["/kubernetes/k1/", "/kubernetes/k2/"]);
    expect(found.results.every((r) => names.includes(r.id))).toBe(true);
    const container = (await pagefind.search("컨테이너"))!;
    expect(await Promise.all(container.results.map(async (r) => (await r.data()).meta.title))).toEqual(["컨테이너 재시작"]);
  }, 60_000);

  test("an edited page gets a new name; the others keep theirs", async () => {
    const built = async (pages: Record<string, [string, string]>) => {
      const site = await indexedSite(pages);
      shortenFragmentNames(path.join(site, "pagefind"));
      const meta = readPagefindFile(metaFile(site)) as [unknown, [string, number][]];
      return meta[1].map((p) => p[0]);
    };
    const first = await built(PAGES);
    const second = await built({ ...PAGES, "/docker/d2/": ["이미지 레이어", "이미지는 읽기 전용 레이어로 이루어집니다."] });
    // Pages are listed in the same order in both builds (the edit changes no URL).
    expect(second.length).toBe(first.length);
    const changed = first.map((name, i) => name !== second[i]);
    expect(changed.filter(Boolean).length).toBe(1);
  }, 60_000);

  test("fails naming the file when Pagefind's page list is not the expected shape, or a fragment is missing", async () => {
    const site = await indexedSite(PAGES);
    const pagefindDir = path.join(site, "pagefind");
    const file = metaFile(site);
    const meta = readPagefindFile(file) as unknown[][];
    const original = readFileSync(file);

    writeFileSync(file, packPagefindFile([meta[0], (meta[1] as unknown[][]).map((p) => ({ hash: p[0] })), ...meta.slice(2)]));
    expect(() => shortenFragmentNames(pagefindDir)).toThrow(file);

    // A fragment whose name is not Pagefind's hash of its content: Pagefind hashes otherwise now.
    writeFileSync(file, original);
    const [first, second] = fragmentNames(site) as [string, string];
    const fragmentFile = (name: string) => path.join(pagefindDir, "fragment", `${name}.pf_fragment`);
    const firstBody = readFileSync(fragmentFile(first));
    writeFileSync(fragmentFile(first), readFileSync(fragmentFile(second)));
    expect(() => shortenFragmentNames(pagefindDir)).toThrow(/its name is not Pagefind's hash of its content/);
    expect(() => shortenFragmentNames(pagefindDir)).toThrow(fragmentFile(first));
    writeFileSync(fragmentFile(first), firstBody);

    writeFileSync(file, original);
    const missing = fragmentNames(site)[0]!;
    rmSync(path.join(pagefindDir, "fragment", `${missing}.pf_fragment`));
    expect(() => shortenFragmentNames(pagefindDir)).toThrow(path.join(pagefindDir, "fragment"));
  }, 60_000);
});
