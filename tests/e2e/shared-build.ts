import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { startStaticServer, type StaticServer } from "../../src/preview/static-server";
import { astroBuildEnv } from "../helpers/build-env";

/**
 * One build of a site per test run, however many Vitest projects ask for it. Each project runs its
 * own global setup, but all of them run in Vitest's main process: the build and its server are kept
 * on `globalThis` under a key, so the `site` project (tests that read the build) and the `e2e`
 * project (Chromium) share one `npm run build` and one server — as Starlight's test factory builds
 * each fixture once. The last project to tear down closes the server.
 */
interface Shared {
  ready: Promise<StaticServer>;
  users: number;
}

const registry = ((globalThis as { __sharedBuilds?: Map<string, Shared> }).__sharedBuilds ??= new Map());

export interface SharedBuildOptions {
  /** Folder the build is written to (and served from). */
  readonly dir: string;
  /** Extra build environment (BASE_PATH, SITE_URL, ASTRO_CACHE_DIR …). */
  readonly env?: Record<string, string>;
  /** Base path the server mounts the folder under. */
  readonly base?: string;
}

/** Builds (unless SKIP_BUILD=1 and a build is there) and serves `dir`, once per run. */
export function acquireSharedBuild(options: SharedBuildOptions): Promise<StaticServer> {
  const key = path.resolve(options.dir);
  let shared = registry.get(key);
  if (!shared) {
    shared = { ready: buildAndServe(options), users: 0 };
    registry.set(key, shared);
  }
  shared.users++;
  return shared.ready;
}

export async function releaseSharedBuild(dir: string): Promise<void> {
  const key = path.resolve(dir);
  const shared = registry.get(key);
  if (!shared || --shared.users > 0) return;
  registry.delete(key);
  await (await shared.ready).close();
}

async function buildAndServe({ dir, env = {}, base }: SharedBuildOptions): Promise<StaticServer> {
  if (process.env.SKIP_BUILD !== "1" || !existsSync(path.join(dir, "index.html"))) {
    execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit", env: astroBuildEnv({ ...env, OUT_DIR: dir }) });
  }
  return startStaticServer({ dir, ...(base ? { base } : {}) });
}
