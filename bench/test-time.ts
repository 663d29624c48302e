/**
 * `npm run bench:test-time -- --against <git revision> [--runs 2] [--command test:all]`
 *
 * How long `npm run test:all` (or `--command test`) takes on this checkout's HEAD against another
 * revision, run back to back: this machine's speed drifts by a third within a day, so a figure is
 * only worth comparing with one taken right beside it. Each revision is cloned into a temporary
 * folder (`npm ci` once), then the two are run alternately, `--runs` times each, every run cold as
 * in CI (the build caches, `dist`, `dist-mspt3` and `.astro` deleted first). For each run it prints the wall time
 * and the machine's busy CPU time over it, read from /proc/stat: the run is CPU-bound (two cores
 * 96–97 % busy), and `time` under-counts the Chromium processes a test worker does not reap. A
 * failing run is reported with its exit code and log. It prints figures; it is not a test.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

/** What a cold run starts without: the build caches and outputs a checkout makes. */
const BUILT = [
  "node_modules/.astro",
  "node_modules/.fixture-sites",
  "node_modules/.vite",
  "node_modules/.test-builds",
  ".astro",
  ".astro-typecheck",
  "dist",
  "dist-mspt3",
];

/** Busy and idle jiffies of all cores (the first line of /proc/stat). */
function cpuJiffies(): { busy: number; idle: number } {
  const [user, nice, system, idle, iowait, irq, softirq] = readFileSync("/proc/stat", "utf8")
    .split("\n")[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return { busy: user! + nice! + system! + irq! + softirq!, idle: idle! + iowait! };
}

function run(command: string, args: string[], cwd: string, log?: string): number {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  if (log) writeFileSync(log, `${result.stdout}\n${result.stderr}`);
  return result.status ?? 1;
}

function cloneAt(revision: string, scratch: string): string {
  const dir = path.join(scratch, revision.replace(/\W+/g, "-"));
  if (run("git", ["clone", "--quiet", "--no-checkout", process.cwd(), dir], scratch) !== 0) throw new Error(`git clone failed`);
  if (run("git", ["checkout", "--quiet", revision], dir) !== 0) throw new Error(`git checkout ${revision} failed`);
  if (run("npm", ["ci", "--silent"], dir) !== 0) throw new Error(`npm ci failed at ${revision}`);
  return dir;
}

function coldRun(dir: string, script: string, log: string): { status: number; wall: number; busy: number; idle: number } {
  for (const entry of BUILT) rmSync(path.join(dir, entry), { recursive: true, force: true });
  const before = cpuJiffies();
  const start = performance.now();
  const status = run("npm", ["run", script], dir, log);
  const wall = (performance.now() - start) / 1000;
  const after = cpuJiffies();
  return { status, wall, busy: (after.busy - before.busy) / 100, idle: (after.idle - before.idle) / 100 };
}

function main() {
  const { values } = parseArgs({
    options: { against: { type: "string" }, runs: { type: "string", default: "2" }, command: { type: "string", default: "test:all" } },
  });
  if (!values.against) throw new Error("usage: npm run bench:test-time -- --against <git revision> [--runs 2] [--command test:all]");
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
  const scratch = mkdtempSync(path.join(tmpdir(), "bench-test-time-"));
  try {
    const revisions = [head, values.against];
    const dirs = revisions.map((revision) => cloneAt(revision, scratch));
    console.log(`npm run ${values.command}, cold, alternating · HEAD ${head} against ${values.against} · ${values.runs} run(s) each`);
    for (let i = 0; i < Number(values.runs); i++) {
      // Alternate which goes first, so a machine slowing down over the session favours neither.
      const order = i % 2 === 0 ? [0, 1] : [1, 0];
      for (const k of order) {
        const log = path.join(tmpdir(), `bench-test-time-${revisions[k]!.replace(/\W+/g, "-")}-${i + 1}.log`);
        const r = coldRun(dirs[k]!, values.command, log);
        const verdict = r.status === 0 ? "passed" : `FAILED (exit ${r.status}, log ${log})`;
        console.log(
          `${revisions[k]!.padEnd(12)} run ${i + 1}: ${r.wall.toFixed(0).padStart(4)} s wall, ${r.busy.toFixed(0).padStart(5)} core-s busy, ` +
            `${r.idle.toFixed(0).padStart(4)} core-s idle · ${verdict}`,
        );
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
