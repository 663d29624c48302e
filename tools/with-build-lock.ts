import { spawn } from "node:child_process";
import { acquireBuildLock } from "./build-env";

/**
 * `tsx tools/with-build-lock.ts <command> [args…]`: runs the command under the build lock
 * (tools/build-env.ts). `npm run test:all` takes its copy of the types in `.astro/` this way
 * (tools/typecheck-snapshot.ts) beside Vitest, whose builds take the same lock and rewrite them.
 */
const [command, ...args] = process.argv.slice(2);
if (!command) throw new Error("usage: tsx tools/with-build-lock.ts <command> [args…]");
const release = await acquireBuildLock();
const child = spawn(command, args, { stdio: "inherit" });
child.on("exit", (code, signal) => {
  release();
  process.exitCode = code ?? (signal ? 1 : 0);
});
