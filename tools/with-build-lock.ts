import { spawn } from "node:child_process";
import { acquireBuildLock } from "./build-env";

/**
 * `tsx tools/with-build-lock.ts <command> [args…]`: runs the command under the build lock
 * (tools/build-env.ts). `npm run test:all` runs `astro check` this way beside Vitest, whose builds
 * take the same lock: `astro check` syncs the content layer like a build does.
 */
const [command, ...args] = process.argv.slice(2);
if (!command) throw new Error("usage: tsx tools/with-build-lock.ts <command> [args…]");
const release = await acquireBuildLock();
const child = spawn(command, args, { stdio: "inherit" });
child.on("exit", (code, signal) => {
  release();
  process.exitCode = code ?? (signal ? 1 : 0);
});
