import type { TestProject } from "vitest/node";
import { SITE_DIR } from "../helpers/site";
import { acquireSharedBuild, releaseSharedBuild } from "./shared-build";

/**
 * The real content built once (real `astro build` + Pagefind, skip with SKIP_BUILD=1) and served on
 * 127.0.0.1 for every project that names this setup: `site` and `e2e` share the one build. The build
 * runs in the background; `wait-for-build.ts` holds each test file until it is done.
 */
export async function setup(project: TestProject) {
  const { server, statusFile } = await acquireSharedBuild({ dir: SITE_DIR });
  project.provide("siteUrl", server.url);
  project.provide("siteDir", SITE_DIR);
  project.provide("siteBuildStatus", statusFile);
}

export async function teardown() {
  await releaseSharedBuild(SITE_DIR);
}

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
    /** Folder of the build under test (the base-path project builds its own). */
    siteDir: string;
    /** File the shared build writes `ok` (or its failure) to when it ends. */
    siteBuildStatus: string;
  }
}
