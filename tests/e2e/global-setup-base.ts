import path from "node:path";
import type { TestProject } from "vitest/node";
import { BASE_SITE } from "../helpers/base-site";
import { acquireSharedBuild, releaseSharedBuild } from "./shared-build";

/**
 * The same site built for a subfolder deploy (`BASE_PATH=/mspt3/`, `SITE_URL` of a GitHub Pages
 * origin) into its own folder and cache, served under `/mspt3/` like GitHub Pages serves a project
 * site. SKIP_BUILD=1 reuses an earlier build. Built in the background, like the real site (shared-build.ts).
 */
export async function setup(project: TestProject) {
  const { server, statusFile } = await acquireSharedBuild({
    dir: BASE_SITE.dir,
    base: BASE_SITE.base,
    env: { BASE_PATH: BASE_SITE.base, SITE_URL: BASE_SITE.origin, ASTRO_CACHE_DIR: path.resolve("node_modules/.astro-base-path") },
  });
  project.provide("siteUrl", server.url);
  project.provide("siteDir", BASE_SITE.dir);
  project.provide("basePath", BASE_SITE.base);
  project.provide("siteOrigin", BASE_SITE.origin);
  project.provide("siteBuildStatus", statusFile);
}

export async function teardown() {
  await releaseSharedBuild(BASE_SITE.dir);
}

declare module "vitest" {
  export interface ProvidedContext {
    basePath: string;
    siteOrigin: string;
  }
}
