import type { TestProject } from "vitest/node";
import { SITE_DIR } from "../helpers/site";
import { acquireSharedBuild, releaseSharedBuild } from "./shared-build";

/**
 * The real content built once (real `astro build` + Pagefind, skip with SKIP_BUILD=1) and served on
 * 127.0.0.1 for every project that names this setup: `site` and `e2e` share the one build.
 */
export async function setup(project: TestProject) {
  const server = await acquireSharedBuild({ dir: SITE_DIR });
  project.provide("siteUrl", server.url);
  project.provide("siteDir", SITE_DIR);
}

export async function teardown() {
  await releaseSharedBuild(SITE_DIR);
}

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
    /** Folder of the build under test (the base-path project builds its own). */
    siteDir: string;
  }
}
