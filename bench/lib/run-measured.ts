import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface MeasuredRun {
  readonly code: number | null;
  readonly wallMs: number;
  /** Highest sum of resident memory over the process and all its descendants (Pagefind runs as its own binary). */
  readonly peakRssBytes: number;
  readonly output: string;
}

/**
 * Runs a command and samples the resident memory of its whole process tree from /proc every
 * 50 ms. Linux only; sampling can miss a spike shorter than the interval, so the figure is a
 * lower bound, but it counts child processes that `process.resourceUsage()` would not see.
 */
export function runMeasured(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRssBytes(child.pid));
  }, 50);
  return new Promise((resolve) => {
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({ code, wallMs: performance.now() - started, peakRssBytes: peak, output });
    });
  });
}

function treeRssBytes(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 (ppid) follows the parenthesised command name, which may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const pid = Number(entry);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      rss.set(pid, kb * 1024);
    } catch {
      // The process ended between listing and reading.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}
