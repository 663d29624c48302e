/**
 * `npm run bench:offline [-- <dir>]` (after `npm run build`; BASE_PATH as for the build)
 *
 * Prints what "works offline after one visit" costs: the size of the offline copy and of the
 * service worker, and — in Chromium over loopback, fresh profile each run — how long and how many
 * bytes a first visit takes until the page is offline-ready (service worker installed and in
 * control), next to a plain page view without a service worker. Loopback hides network latency:
 * compare the two rows of one run, not runs on different machines.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { startStaticServer } from "../src/preview/static-server";
import { listFiles } from "../src/core/replace-folder";
import { launchChromium } from "../tools/chromium";
import { buildSettings } from "../src/core/build-settings.mjs";
import { selectPrecacheFiles } from "../src/offline/plan-precache";

const RUNS = 5;
const dir = process.argv[2] ?? buildSettings().outDir;
const { base } = buildSettings();

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const files = listFiles(dir);
const sizeOf = (f: string) => readFileSync(path.join(dir, f)).byteLength;
const sum = (list: string[]) => list.reduce((total, f) => total + sizeOf(f), 0);
// The same selection the build writes into the offline file list.
const copy = selectPrecacheFiles(files);
const list = files.find((f) => /^offline-manifest\.[0-9a-f]+\.json$/.test(f));
console.log(`offline copy: ${copy.length} of ${files.length} files, ${kb(sum(copy))} of ${kb(sum(files))} in ${dir}/`);
console.log(`sw.js: ${kb(sizeOf("sw.js"))}; file list ${list}: ${list ? kb(sizeOf(list)) : "missing"}`);

const server = await startStaticServer({ dir, base });
let served = 0;
server.server.on("request", (_req, res) => {
  const write = res.write.bind(res);
  res.write = ((chunk: Buffer | string, ...rest: never[]) => {
    served += Buffer.byteLength(chunk);
    return write(chunk, ...rest);
  }) as typeof res.write;
});
const browser = await launchChromium();
try {
  for (const serviceWorkers of ["block", "allow"] as const) {
    const times: number[] = [];
    const bytes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ serviceWorkers });
      const page = await context.newPage();
      served = 0;
      const start = performance.now();
      await page.goto(server.url, { waitUntil: "load" });
      if (serviceWorkers === "allow")
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
      times.push(performance.now() - start);
      bytes.push(served);
      await context.close();
    }
    const label = serviceWorkers === "allow" ? "first visit until offline-ready" : "first visit, no service worker ";
    console.log(`${label}: median ${median(times).toFixed(0)} ms, ${kb(median(bytes))} served (${RUNS} runs, loopback)`);
  }
} finally {
  await browser.close();
  await server.close();
}
