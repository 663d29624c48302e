import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { startStaticServer, type StaticServer } from "../../src/preview/static-server";
import { astroBuildEnv } from "../helpers/build-env";
import { SITE_DIR } from "../helpers/site";

let server: StaticServer | undefined;

/** Builds the site once for every site test (skip with SKIP_BUILD=1) and serves it. */
export async function setup(project: TestProject) {
  if (process.env.SKIP_BUILD !== "1") {
    execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit", env: astroBuildEnv({ OUT_DIR: SITE_DIR }) });
  }
  server = await startStaticServer({ dir: SITE_DIR });
  project.provide("siteUrl", server.url);
  project.provide("siteDir", SITE_DIR);
}

export async function teardown() {
  await server?.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
    /** Folder of the build under test (the base-path project builds its own). */
    siteDir: string;
  }
}
