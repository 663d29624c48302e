import { existsSync, readFileSync } from "node:fs";
import { inject } from "vitest";

/**
 * Setup file of every built-site project: holds the test file back until the shared build its
 * global setup started has finished (see shared-build.ts), and fails it with the build's error if
 * the build failed. Runs before the test file is imported, so files may read the build at the top.
 */
const statusFile = inject("siteBuildStatus");
const deadline = Date.now() + 15 * 60_000;
while (!existsSync(statusFile)) {
  if (Date.now() > deadline) throw new Error(`the shared build did not finish in 15 minutes (${statusFile})`);
  await new Promise((resolve) => setTimeout(resolve, 250));
}
const status = readFileSync(statusFile, "utf8");
if (status !== "ok") throw new Error(`the shared build failed, so this file cannot run: ${status}`);
