import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startStaticServer, type StaticServer } from "../../src/preview/static-server";
import { buildSite } from "../../tools/build-env";

/**
 * A fixture site (bad notes, 8 synthetic sessions, MDX …) built and served once for the test file
 * that needs it, written once instead of in each file. `prepare` writes the site's content into
 * `work` and returns the content folder; the build runs `npm run build` on it (cli/build.mjs, the
 * real pipeline) with the build settings given. Each named fixture has its own fixed folder under
 * node_modules/.fixture-sites/ with its content-layer cache, like the real build's
 * node_modules/.astro, so a second run renders only what changed. (A fixed folder, not a fresh
 * temporary one: Astro's content cache records entry paths — MDX entries are modules loaded by
 * path — so the cache is valid only for the same paths.)
 */
export interface FixtureSite {
  /** Scratch folder of this run (content, dist). */
  readonly work: string;
  readonly content: string;
  readonly dist: string;
  /** The server's root URL (with the base path), once built. */
  readonly url: string;
  readonly server: StaticServer;
  /** What the build printed (stdout, then stderr). */
  readonly buildOutput: string;
}

export interface FixtureOptions {
  /** Names the fixture's folder and kept cache. */
  readonly name: string;
  /** Writes the content into `work`; returns the content folder. */
  readonly prepare: (work: string) => string | Promise<string>;
  /** BASE_PATH, SITE_URL … for the build; BASE_PATH also mounts the server. */
  readonly env?: Record<string, string>;
}

export async function buildFixtureSite({ name, prepare, env = {} }: FixtureOptions): Promise<FixtureSite & { close(): Promise<void> }> {
  const key = [name, env.BASE_PATH?.replace(/\W+/g, "") ?? ""].filter(Boolean).join("-");
  const root = path.resolve("node_modules/.fixture-sites", key);
  const work = path.join(root, "work");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const content = await prepare(work);
  const dist = path.join(work, "dist");
  const build = buildSite({ ...env, CONTENT_DIR: content, OUT_DIR: dist, ASTRO_CACHE_DIR: path.join(root, "cache") });
  if (build.status !== 0) throw new Error(`fixture site ${name} failed to build:\n${build.stdout}\n${build.stderr}`);
  const server = await startStaticServer({ dir: dist, ...(env.BASE_PATH ? { base: env.BASE_PATH } : {}) });
  return {
    work,
    content,
    dist,
    url: server.url,
    server,
    buildOutput: `${build.stdout}\n${build.stderr}`,
    async close() {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** `buildFixtureSite` in the file's `beforeAll`, closed in `afterAll`; read the site inside tests and hooks. */
export function useFixtureSite(options: FixtureOptions): () => FixtureSite {
  let site: Awaited<ReturnType<typeof buildFixtureSite>> | undefined;
  beforeAll(async () => {
    site = await buildFixtureSite(options);
  }, 300_000);
  afterAll(async () => site?.close());
  return () => {
    if (!site) throw new Error(`fixture site ${options.name} is not built yet`);
    return site;
  };
}
