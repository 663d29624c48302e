/**
 * `npm run bench:main-thread [-- --site dist-bench] [--runs 3]`
 *
 * The search page's main-thread work from navigation to the first results, from a Chromium trace:
 * for `?q=파드`, `?q=파드 재시작` and `?q=롤벡`, the number of tasks over 50 ms and the CPU time
 * (thread time, not wall time) of all tasks and of the five longest, with what each ran (script
 * URL or event). Thread time is what a loaded machine changes least, so it compares builds more
 * steadily than Lighthouse's TBT does on this shared machine; Chromium's 4× CPU slowdown is on
 * (as in Lighthouse mobile), so wall durations are 4× a fast phone's. It prints figures; it is not a test.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { launchChromium } from "../tools/chromium";
import { startStaticServer } from "../src/preview/static-server";
import { median } from "./lib/search-metrics";

const QUERIES = ["파드", "파드 재시작", "롤벡"];

interface TraceEvent {
  name: string;
  ph: string;
  tid: number;
  pid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

async function run() {
  const { values } = parseArgs({ options: { site: { type: "string", default: "dist-bench" }, runs: { type: "string", default: "3" } } });
  const server = await startStaticServer({ dir: path.resolve(values.site) });
  const browser = await launchChromium();
  try {
    console.log(`main thread of the search page until its first results · ${values.site} · 4× CPU slowdown`);
    for (const query of QUERIES) {
      const rows: { long: number; cpu: number; longCpu: number; top: string }[] = [];
      for (let i = 0; i < Number(values.runs); i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
        const events: TraceEvent[] = [];
        cdp.on("Tracing.dataCollected", (data) => void events.push(...(data.value as unknown as TraceEvent[])));
        const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
        await cdp.send("Tracing.start", {
          categories: "devtools.timeline,disabled-by-default-devtools.timeline",
          transferMode: "ReportEvents",
        });
        await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
        await page.waitForFunction((q) => document.querySelector("[data-search-results]")?.getAttribute("data-search-query") === q, query);
        await cdp.send("Tracing.end");
        await done;
        await context.close();
        const main = events.find(
          (e) =>
            e.name === "thread_name" && e.args?.name === "CrRendererMain" && events.some((t) => t.tid === e.tid && t.name === "RunTask"),
        );
        const tasks = events.filter((e) => e.tid === main?.tid && e.pid === main?.pid && e.name === "RunTask" && e.ph === "X");
        const inside = (task: TraceEvent) =>
          events.filter((e) => e.tid === task.tid && e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0) && e !== task && e.ph === "X");
        const what = (task: TraceEvent) => {
          const child = inside(task).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
          const url = child?.args?.data?.url?.replace(server.url, "/");
          return child ? `${child.name}${url ? ` ${url}` : ""}` : "?";
        };
        const long = tasks.filter((t) => (t.dur ?? 0) >= 50_000);
        const ms = (us: number) => us / 1000;
        rows.push({
          long: long.length,
          cpu: ms(tasks.reduce((s, t) => s + (t.tdur ?? 0), 0)),
          longCpu: ms(long.reduce((s, t) => s + (t.tdur ?? 0), 0)),
          top: long
            .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
            .slice(0, 5)
            .map((t) => `${ms(t.dur ?? 0).toFixed(0)} ms (CPU ${ms(t.tdur ?? 0).toFixed(0)}): ${what(t)}`)
            .join("; "),
        });
        console.log(
          `  ?q=${query} run ${i + 1}: ${rows.at(-1)!.long} tasks ≥ 50 ms (CPU ${rows.at(-1)!.longCpu.toFixed(0)} ms), all tasks CPU ${rows.at(-1)!.cpu.toFixed(0)} ms`,
        );
        console.log(`    ${rows.at(-1)!.top || "no long task"}`);
      }
      console.log(
        `?q=${query}: median ${median(rows.map((r) => r.long))} tasks ≥ 50 ms, their CPU ${median(rows.map((r) => r.longCpu)).toFixed(0)} ms, all tasks CPU ${median(rows.map((r) => r.cpu)).toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await run();
