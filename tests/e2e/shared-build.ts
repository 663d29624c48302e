import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startStaticServer, type StaticServer } from "../../src/preview/static-server";
import { acquireBuildLock, astroBuildEnv } from "../../tools/build-env";

/**
 * One build of a site per test run, however many Vitest projects ask for it. Each project runs its
 * own global setup, but all of them run in Vitest's main process: the build and its server are kept
 * on `globalThis` under a key, so the `site` project (tests that read the build) and the `e2e`
 * project (Chromium) share one `npm run build` and one server — as Starlight's test factory builds
 * each fixture once. The last project to tear down closes the server.
 *
 * The build runs in the background: Vitest awaits the global setups one after another before any
 * test file starts, so a setup that waited for its build would leave both cores idle but one while
 * the real site and then the base-path site built. Instead the setup serves the folder at once and
 * the build writes a status file when it ends; the unit tests (run first, `sequence.groupOrder`) use
 * the cores meanwhile, and every file of a built-site project waits for the status in its setup file
 * (`wait-for-build.ts`), failing with the build's error if it failed.
 */
interface Shared {
  server: Promise<StaticServer>;
  statusFile: string;
  /** Stops the build if it is still running when the last user leaves (a run cut short). */
  stop: () => void;
  users: number;
}

const registry = ((globalThis as { __sharedBuilds?: Map<string, Shared> }).__sharedBuilds ??= new Map());

/** Where a build's status is written: `ok`, or the failure. */
const STATUS_DIR = path.resolve("node_modules/.test-builds");

export interface SharedBuildOptions {
  /** Folder the build is written to (and served from). */
  readonly dir: string;
  /** Extra build environment (BASE_PATH, SITE_URL, ASTRO_CACHE_DIR …). */
  readonly env?: Record<string, string>;
  /** Base path the server mounts the folder under. */
  readonly base?: string;
}

/**
 * Starts building `dir` (unless SKIP_BUILD=1 and a build is there) and serves it, once per run.
 * Resolves as soon as the server listens; the build's end is in `statusFile`.
 */
export async function acquireSharedBuild(options: SharedBuildOptions): Promise<{ server: StaticServer; statusFile: string }> {
  const key = path.resolve(options.dir);
  let shared = registry.get(key);
  if (!shared) {
    const statusFile = path.join(STATUS_DIR, `${path.basename(key)}.status`);
    mkdirSync(STATUS_DIR, { recursive: true });
    rmSync(statusFile, { force: true });
    const { done, stop } = build(options);
    void done.then(
      () => writeFileSync(statusFile, "ok"),
      (error: Error) => writeFileSync(statusFile, `failed: ${error.message}`),
    );
    shared = { server: startStaticServer({ dir: key, ...(options.base ? { base: options.base } : {}) }), statusFile, stop, users: 0 };
    registry.set(key, shared);
  }
  shared.users++;
  return { server: await shared.server, statusFile: shared.statusFile };
}

export async function releaseSharedBuild(dir: string): Promise<void> {
  const key = path.resolve(dir);
  const shared = registry.get(key);
  if (!shared || --shared.users > 0) return;
  registry.delete(key);
  shared.stop();
  await (await shared.server).close();
}

function build({ dir, env = {} }: SharedBuildOptions): { done: Promise<void>; stop: () => void } {
  if (process.env.SKIP_BUILD === "1" && existsSync(path.join(dir, "index.html"))) return { done: Promise.resolve(), stop: () => {} };
  const output: string[] = [];
  let child: ChildProcess | undefined;
  let stopped = false;
  const runBuild = () =>
    new Promise<void>((resolve, reject) => {
      child = spawn("npm", ["run", "build", "--silent"], { env: astroBuildEnv({ ...env, OUT_DIR: dir }) });
      // Printed as it comes (the build's progress is worth seeing) and kept for the failure message.
      child.stdout!.on("data", (chunk: Buffer) => (process.stdout.write(chunk), output.push(String(chunk))));
      child.stderr!.on("data", (chunk: Buffer) => (process.stderr.write(chunk), output.push(String(chunk))));
      child.on("error", reject);
      child.on("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`npm run build into ${dir} exited with ${code}:\n${output.join("").slice(-4000)}`)),
      );
    });
  const done = acquireBuildLock().then(async (release) => {
    try {
      if (!stopped) await runBuild();
    } finally {
      release();
    }
  });
  return {
    done,
    stop: () => {
      stopped = true;
      if (child?.exitCode === null) child.kill();
    },
  };
}
