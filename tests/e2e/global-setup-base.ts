import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startStaticServer, type StaticServer } from "../../src/preview/static-server";
import { BASE_SITE } from "../helpers/base-site";
import { astroBuildEnv } from "../helpers/build-env";

let server: StaticServer | undefined;

/**
 * The same site built for a subfolder deploy (`BASE_PATH=/mspt3/`, `SITE_URL` of a GitHub Pages
 * origin) into its own folder and cache, served under `/mspt3/` like GitHub Pages serves a project
 * site. SKIP_BUILD=1 reuses an earlier build.
 */
export async function setup(project: TestProject) {
  if (process.env.SKIP_BUILD !== "1" || !existsSync(path.join(BASE_SITE.dir, "index.html"))) {
    execFileSync("npm", ["run", "build", "--silent"], {
      stdio: "inherit",
      env: astroBuildEnv({
        BASE_PATH: BASE_SITE.base,
        SITE_URL: BASE_SITE.origin,
        OUT_DIR: BASE_SITE.dir,
        ASTRO_CACHE_DIR: path.resolve("node_modules/.astro-base-path"),
      }),
    });
  }
  server = await startStaticServer({ dir: BASE_SITE.dir, base: BASE_SITE.base });
  project.provide("siteUrl", server.url);
  project.provide("siteDir", BASE_SITE.dir);
  project.provide("basePath", BASE_SITE.base);
  project.provide("siteOrigin", BASE_SITE.origin);
}

export async function teardown() {
  await server?.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    basePath: string;
    siteOrigin: string;
  }
}
